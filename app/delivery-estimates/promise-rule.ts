import { cdf, quantile, type Pmf } from "./distribution";

/**
 * Where in a predicted duration distribution a promise goes.
 * - "quantile": at the same on-time probability for every order.
 * - "marginal": one more day is added while it still buys at least `density` extra on-time probability. A shop's
 *   on-time rate is a rate over all its orders, and a day of slack buys far more on-time probability on a
 *   predictable lane than on an erratic one, so this meets the same rate with less slack overall; `floorLevel`
 *   keeps every single order's own chance from dropping below a floor.
 */
export type PromiseRule = { kind: "quantile" } | { kind: "marginal"; baseDensity: number; floorLevel: number };

export interface PromisePoint {
  workingDays: number;
  /** The predicted chance of delivery on or before the promised day. */
  onTimeProbability: number;
}

/**
 * The promise for one distribution. `stringency` is the calibrated knob (0 = as configured): higher means
 * later promises, by raising the quantile or lowering the density threshold.
 */
export function placePromise(pmf: Pmf, rule: PromiseRule, target: number, stringency: number, maxLevel: number): PromisePoint {
  const level = Math.min(maxLevel, 1 - (1 - target) * Math.exp(-stringency));
  let workingDays: number;
  if (rule.kind === "quantile") {
    workingDays = quantile(pmf, level);
  } else {
    const density = rule.baseDensity * Math.exp(-stringency);
    const floor = quantile(pmf, rule.floorLevel);
    const ceiling = quantile(pmf, maxLevel);
    // Stop at the first day that no longer pays for itself: a lone late spike in a thin history must not drag the promise out.
    let k = floor;
    while (k < ceiling && pmf[k + 1]! >= density) k++;
    workingDays = k;
  }
  return { workingDays, onTimeProbability: cdf(pmf, workingDays) };
}
