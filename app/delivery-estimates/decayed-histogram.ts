import type { EpochDay } from "./local-date";

/**
 * Counts of observed durations where an observation's weight halves every `halfLifeDays`, so recent
 * deliveries speak louder than last season's. Weights are stored relative to an anchor day and rescaled
 * lazily, which keeps `add` O(1) however long the history.
 */
export interface DecayedHistogram {
  add(days: number, at: EpochDay, weight?: number): void;
  /** The decayed number of observations as seen on `at`. */
  weightAt(at: EpochDay): number;
  /** Decayed counts per bin as seen on `at` (summing to `weightAt(at)`). */
  countsAt(at: EpochDay): Float64Array;
  /** The undecayed number of observations ever added. */
  readonly observations: number;
}

const RESCALE_AFTER_HALF_LIVES = 40;

/** An empty histogram of `bins` bins (the last one holds everything beyond). */
export function createDecayedHistogram(bins: number, halfLifeDays: number): DecayedHistogram {
  const counts = new Float64Array(bins);
  let total = 0;
  let anchor: EpochDay | null = null;
  let observations = 0;
  const decay = (from: EpochDay, to: EpochDay) => (Number.isFinite(halfLifeDays) ? 2 ** (-(to - from) / halfLifeDays) : 1);

  return {
    get observations() {
      return observations;
    },
    add(days, at, weight = 1) {
      anchor ??= at;
      if ((at - anchor) / halfLifeDays > RESCALE_AFTER_HALF_LIVES) {
        const factor = decay(anchor, at);
        for (let k = 0; k < bins; k++) counts[k]! *= factor;
        total *= factor;
        anchor = at;
      }
      const scaled = weight / decay(anchor, at);
      counts[Math.max(0, Math.min(bins - 1, Math.round(days)))]! += scaled;
      total += scaled;
      observations++;
    },
    weightAt(at) {
      return anchor === null ? 0 : total * decay(anchor, at);
    },
    countsAt(at) {
      const out = new Float64Array(bins);
      if (anchor === null) return out;
      const factor = decay(anchor, at);
      for (let k = 0; k < bins; k++) out[k] = counts[k]! * factor;
      return out;
    },
  };
}
