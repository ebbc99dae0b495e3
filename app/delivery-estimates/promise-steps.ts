import { quantile, type Pmf } from "./distribution";
import type { PromiseRule } from "./promise-rule";

/**
 * The promised working-day count of one distribution as a function of the stringency knob, for every knob
 * within ±limit at once: `placePromise(pmf, rule, target, s, maxLevel).workingDays` equals `lowest` plus the
 * number of `thresholds` at or below s (thresholds ascending, all within (−limit, limit]). Lets a calibration
 * ask "what would this promise have been with knob s" for many s without re-placing it each time.
 */
export interface PromiseSteps {
  lowest: number;
  thresholds: number[];
}

export function promiseSteps(pmf: Pmf, rule: PromiseRule, target: number, maxLevel: number, limit: number): PromiseSteps {
  const all: number[] = [];
  let lowest: number;
  if (rule.kind === "quantile") {
    // quantile(level) passes k while cdf(k) < level − 1e-12, level = min(maxLevel, 1 − (1 − target)·e^(−s)).
    lowest = 0;
    let cumulative = 0;
    for (let k = 0; k < pmf.length - 1; k++) {
      cumulative += pmf[k]!;
      if (cumulative + 1e-12 >= maxLevel) break;
      all.push(Math.log((1 - target) / (1 - cumulative - 1e-12)));
    }
  } else {
    // The marginal rule walks up from the floor while the next day's mass reaches base·e^(−s), up to the ceiling.
    lowest = quantile(pmf, rule.floorLevel);
    const ceiling = quantile(pmf, maxLevel);
    let smallest = Infinity;
    for (let k = lowest; k < ceiling; k++) {
      smallest = Math.min(smallest, pmf[k + 1]!);
      if (smallest <= 0) break;
      all.push(Math.log(rule.baseDensity / smallest));
    }
  }
  const thresholds: number[] = [];
  for (const threshold of all) {
    if (threshold <= -limit) lowest++;
    else if (threshold <= limit) thresholds.push(threshold);
    else break;
  }
  return { lowest, thresholds };
}
