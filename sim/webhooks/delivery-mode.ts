/**
 * Failure modes a test can switch on to check the app copes with what Shopify's delivery really does:
 * duplicates, arrival out of order, webhooks that never arrive, and outages.
 */
export interface DeliveryMode {
  /** Send every webhook this many times (same X-Shopify-Webhook-Id). 1 = normal. */
  duplicate: number;
  /** Hold new webhooks until `release()`, then send the batch in random order. */
  shuffle: boolean;
  /** `true` drops every new webhook, a number drops that many of the next ones; dropped ones never arrive. */
  drop: boolean | number;
  /** Hold new webhooks until `resume()`, then send them in order. */
  paused: boolean;
}

export const NORMAL_MODE: DeliveryMode = { duplicate: 1, shuffle: false, drop: false, paused: false };

/** Shopify retries a failed webhook 8 times over about 4 hours. */
export const SHOPIFY_RETRY_DELAYS_MS = [60_000, 120_000, 300_000, 600_000, 1_200_000, 2_400_000, 3_600_000, 5_400_000];

export const DELIVERY_TIMEOUT_MS = 5_000;
