const HOUR_MS = 3_600_000;

/** Shopify retries a failed webhook delivery for up to 4 hours: a dropped one is older than that. */
export const SHOPIFY_RETRY_WINDOW_HOURS = 4;

/**
 * From when a reconcile reads changed orders: `lookbackHours` back when asked (backfill), otherwise from
 * the last run minus Shopify's retry window, and never less than that window back.
 */
export function reconcileSince(input: { now: Date; lastReconciledAt: Date | null; lookbackHours?: number }): Date {
  const { now, lastReconciledAt, lookbackHours } = input;
  if (lookbackHours !== undefined) return new Date(now.getTime() - lookbackHours * HOUR_MS);
  const from = Math.min(now.getTime(), lastReconciledAt?.getTime() ?? now.getTime());
  return new Date(from - SHOPIFY_RETRY_WINDOW_HOURS * HOUR_MS);
}

/** Shopify's search syntax for orders updated at or after `since`. */
export function updatedSinceQuery(since: Date): string {
  return `updated_at:>='${since.toISOString()}'`;
}
