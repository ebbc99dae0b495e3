import { z } from "zod";

/** The Shopify headers a webhook delivery must carry; missing any of them is a 400. */
export const REQUIRED_WEBHOOK_HEADERS = [
  "x-shopify-hmac-sha256",
  "x-shopify-topic",
  "x-shopify-shop-domain",
  "x-shopify-api-version",
  "x-shopify-webhook-id",
] as const;

/** Names of the required webhook headers absent from `headers` (for rejection logs). */
export function missingWebhookHeaders(headers: Headers): string[] {
  return REQUIRED_WEBHOOK_HEADERS.filter((name) => !headers.get(name));
}

const isoDate = z
  .string()
  .optional()
  .transform((value) => {
    if (!value) return null;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  });

/**
 * What a verified delivery tells us about itself. Topics are kept as Shopify writes them in
 * `shopify.app.toml` ("orders/create"), lower-cased so a table look-up cannot miss on case.
 */
export const deliveryMetadataSchema = z.object({
  shop: z.string().trim().toLowerCase().min(1).max(255),
  topic: z.string().trim().toLowerCase().min(1).max(255),
  webhookId: z.string().trim().min(1).max(255),
  apiVersion: z.string().trim().max(32).optional(),
  eventId: z.string().trim().max(255).optional(),
  triggeredAt: isoDate,
});

export type DeliveryMetadata = z.infer<typeof deliveryMetadataSchema>;

/** A verified, parsed webhook delivery, ready for the inbox. */
export interface WebhookDelivery extends DeliveryMetadata {
  /** The body exactly as Shopify sent it; ids beyond 2^53 survive because nothing re-serialises it. */
  rawBody: string;
}
