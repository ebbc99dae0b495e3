/**
 * The stringency knob of each calibration segment (0 = as configured; higher = later promises), kept by
 * adaptive conformal inference on two time scales. Every piece of evidence moves both parts by their rate ×
 * (miss − (1 − target)): the slow part never forgets, so over time the miss rate is held at 1 − target
 * (it absorbs whatever is structurally off, such as whole-day rounding); the fast part reacts strongly to a
 * shock and then relaxes, because the duration model catches up with a new trend within days and a
 * correction still in force weeks later would count the same shock twice.
 * The miss may be a probability that firms up over time (see promise-tracker.ts), so it is fed as increments.
 */
export interface StringencyCalibrator {
  /** The stringency promises in this segment use now. */
  stringencyFor(key: string): number;
  /** A promise aiming at `target` on time was made with a predicted chance of being late of `lateProbability`. */
  opened(key: string, lateProbability: number, target: number): void;
  /** The chance that an open promise ends late moved by `delta` (to exactly 0 or 1 once it is settled). */
  moved(key: string, delta: number, settled: boolean): void;
  /** Promises settled in this segment so far. */
  settledIn(key: string): number;
  /** Relaxes the fast part of every knob for the days passed since the last call. */
  relaxTo(day: number): void;
}

export interface StringencyCalibratorOptions {
  slowRate: number;
  fastRate: number;
  /** Share of the fast part released each day. */
  dailyRelaxation: number;
  /** The knob stays within ±limit. */
  limit: number;
}

interface Knob {
  slow: number;
  fast: number;
  settled: number;
}

/** A calibrator whose every segment starts at stringency 0. */
export function createStringencyCalibrator(options: StringencyCalibratorOptions): StringencyCalibrator {
  const knobs = new Map<string, Knob>();
  let lastDay: number | null = null;
  const knobOf = (key: string) => {
    let knob = knobs.get(key);
    if (!knob) {
      knob = { slow: 0, fast: 0, settled: 0 };
      knobs.set(key, knob);
    }
    return knob;
  };
  const clamp = (value: number) => Math.max(-options.limit, Math.min(options.limit, value));
  const nudge = (key: string, delta: number) => {
    const knob = knobOf(key);
    knob.slow = clamp(knob.slow + options.slowRate * delta);
    knob.fast = clamp(knob.fast + options.fastRate * delta);
  };
  return {
    stringencyFor(key) {
      const knob = knobs.get(key);
      return knob ? clamp(knob.slow + knob.fast) : 0;
    },
    settledIn: (key) => knobs.get(key)?.settled ?? 0,
    opened: (key, lateProbability, target) => nudge(key, lateProbability - (1 - target)),
    moved(key, delta, settled) {
      nudge(key, delta);
      if (settled) knobOf(key).settled++;
    },
    relaxTo(day) {
      if (lastDay !== null && day > lastDay) {
        const keep = (1 - options.dailyRelaxation) ** (day - lastDay);
        for (const knob of knobs.values()) knob.fast *= keep;
      }
      lastDay = Math.max(day, lastDay ?? day);
    },
  };
}
