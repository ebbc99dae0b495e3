/** Shopify's leaky bucket for Admin GraphQL (standard plan numbers). */
export const MAXIMUM_AVAILABLE = 2000;
export const RESTORE_RATE = 100;
export const SINGLE_QUERY_MAX_COST = 1000;

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface ThrottleLimits {
  maximumAvailable: number;
  restoreRate: number;
}

/**
 * One bucket per shop and app; points restore continuously. Limits depend on the shop's plan: standard
 * 2000 / 100 per second (the default), Advanced 4000 / 200, Plus 20000 / 1000.
 */
export class ThrottleBuckets {
  private readonly buckets = new Map<string, { available: number; at: number }>();
  private readonly maximumAvailable: number;
  private readonly restoreRate: number;

  constructor(limits: ThrottleLimits = { maximumAvailable: MAXIMUM_AVAILABLE, restoreRate: RESTORE_RATE }) {
    this.maximumAvailable = limits.maximumAvailable;
    this.restoreRate = limits.restoreRate;
  }

  private current(key: string, nowMs: number): number {
    const bucket = this.buckets.get(key) ?? { available: this.maximumAvailable, at: nowMs };
    return Math.min(this.maximumAvailable, bucket.available + ((nowMs - bucket.at) / 1000) * this.restoreRate);
  }

  /** Takes `cost` points when available; reports the bucket either way. */
  take(key: string, cost: number, nowMs: number): { allowed: boolean; status: ThrottleStatus } {
    const available = this.current(key, nowMs);
    const allowed = available >= cost;
    const after = allowed ? available - cost : available;
    this.buckets.set(key, { available: after, at: nowMs });
    return { allowed, status: { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(after), restoreRate: this.restoreRate } };
  }

  /** Returns points Shopify refunds when the actual cost is below the requested cost. */
  refund(key: string, points: number, nowMs: number): ThrottleStatus {
    const available = Math.min(this.maximumAvailable, this.current(key, nowMs) + points);
    this.buckets.set(key, { available, at: nowMs });
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate: this.restoreRate };
  }
}
