/**
 * The arithmetic of speed-up.ts, kept apart so it can be tested: how much faster an order purchased on a given
 * day is, and its rewritten hand-off and delivery instants.
 */

const DAY = 86_400_000;

export interface SpeedUp {
  /** First purchase date (ISO) that is sped up. */
  from: string;
  /** Durations are multiplied by this once the ramp is over (0.5 = twice as fast). */
  factor: number;
  /**
   * Days over which the factor moves linearly from 1 to `factor` (0 = a step on `from`). The withheld period's
   * speed-up was gradual, and a step change flatters an estimator that adapts slowly less than a ramp does.
   */
  rampDays: number;
}

/** The duration multiplier for an order purchased at `purchasedMs` (a naive timestamp in ms). */
export function factorAt(speedUp: SpeedUp, purchasedMs: number): number {
  const fromMs = Date.parse(`${speedUp.from}T00:00:00Z`);
  if (purchasedMs < fromMs) return 1;
  const progress = speedUp.rampDays > 0 ? Math.min(1, (purchasedMs - fromMs) / (speedUp.rampDays * DAY)) : 1;
  return 1 - (1 - speedUp.factor) * progress;
}

/** The hand-off and delivery instants of one order with time to hand-off and time in transit both scaled. */
export function spedUp(speedUp: SpeedUp, order: { purchased: number; handedOff: number; delivered: number }): { handedOff: number; delivered: number } {
  const factor = factorAt(speedUp, order.purchased);
  const handedOff = order.purchased + Math.max(0, order.handedOff - order.purchased) * factor;
  return { handedOff, delivered: handedOff + Math.max(0, order.delivered - order.handedOff) * factor };
}
