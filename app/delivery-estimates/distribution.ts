/**
 * Discrete distributions over whole working days: `pmf[k]` is the probability of taking exactly k working days.
 * The last bin holds everything at or beyond it.
 */
export type Pmf = Float64Array;

/** A log-normal with the given median and spread (log-sd), discretised to whole working days. */
export function logNormalPmf(medianDays: number, logSd: number, bins: number): Pmf {
  const pmf = new Float64Array(bins);
  const mu = Math.log(Math.max(medianDays, 0.5));
  let total = 0;
  for (let k = 0; k < bins; k++) {
    const x = Math.log(k + 0.5);
    pmf[k] = Math.exp(-((x - mu) ** 2) / (2 * logSd * logSd)) / (k + 0.5);
    total += pmf[k]!;
  }
  for (let k = 0; k < bins; k++) pmf[k]! /= total;
  return pmf;
}

/** The distribution of the sum of two independent durations (the tail bin absorbs overflow). */
export function convolve(a: Pmf, b: Pmf): Pmf {
  const bins = a.length;
  const out = new Float64Array(bins);
  for (let i = 0; i < bins; i++) {
    const pa = a[i]!;
    if (pa === 0) continue;
    for (let j = 0; j < b.length; j++) out[Math.min(bins - 1, i + j)]! += pa * b[j]!;
  }
  return out;
}

/** The smallest k whose cumulative probability reaches `level`. */
export function quantile(pmf: Pmf, level: number): number {
  let cumulative = 0;
  for (let k = 0; k < pmf.length; k++) {
    cumulative += pmf[k]!;
    if (cumulative >= level - 1e-12) return k;
  }
  return pmf.length - 1;
}

/** P(X ≤ k). */
export function cdf(pmf: Pmf, k: number): number {
  let cumulative = 0;
  for (let i = 0; i <= Math.min(k, pmf.length - 1); i++) cumulative += pmf[i]!;
  return cumulative;
}

/** The distribution given X ≥ `atLeast` (what is left once that much time passed without the event). */
export function conditionAtLeast(pmf: Pmf, atLeast: number): Pmf {
  const from = Math.max(0, Math.min(pmf.length - 1, atLeast));
  const out = new Float64Array(pmf.length);
  let remaining = 0;
  for (let k = from; k < pmf.length; k++) remaining += pmf[k]!;
  if (remaining <= 1e-12) {
    out[from] = 1;
    return out;
  }
  for (let k = from; k < pmf.length; k++) out[k] = pmf[k]! / remaining;
  return out;
}

/** The mean of a pmf, in working days. */
export function mean(pmf: Pmf): number {
  let total = 0;
  for (let k = 0; k < pmf.length; k++) total += k * pmf[k]!;
  return total;
}
