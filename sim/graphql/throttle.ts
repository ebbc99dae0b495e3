/** Shopify's leaky bucket for Admin GraphQL (standard plan numbers). */
export const MAXIMUM_AVAILABLE = 2000;
export const RESTORE_RATE = 100;
export const SINGLE_QUERY_MAX_COST = 1000;

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** One bucket per shop and app; points restore continuously at RESTORE_RATE per second. */
export class ThrottleBuckets {
  private readonly buckets = new Map<string, { available: number; at: number }>();

  private current(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key) ?? { available: MAXIMUM_AVAILABLE, at: nowMs };
    return Math.min(MAXIMUM_AVAILABLE, bucket.available + ((nowMs - bucket.at) / 1000) * RESTORE_RATE);
  }

  /** Takes `cost` points when available; reports the bucket either way. */
  take(key: string, cost: number, nowMs: number): { allowed: boolean; status: ThrottleStatus } {
    const available = this.current(key, nowMs);
    const allowed = available >= cost;
    const after = allowed ? available - cost : available;
    this.buckets.set(key, { available: after, at: nowMs });
    return { allowed, status: { maximumAvailable: MAXIMUM_AVAILABLE, currentlyAvailable: Math.floor(after), restoreRate: RESTORE_RATE } };
  }

  /** Returns points Shopify refunds when the actual cost is below the requested cost. */
  refund(key: string, points: number, nowMs: number): ThrottleStatus {
    const available = Math.min(MAXIMUM_AVAILABLE, this.current(key, nowMs) + points);
    this.buckets.set(key, { available, at: nowMs });
    return { maximumAvailable: MAXIMUM_AVAILABLE, currentlyAvailable: Math.floor(available), restoreRate: RESTORE_RATE };
  }
}
