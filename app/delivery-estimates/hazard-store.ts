import { createDecayedHistogram, type DecayedHistogram } from "./decayed-histogram";
import { mean, type Pmf } from "./distribution";
import type { EpochDay } from "./local-date";

/** One rung of a fallback chain, e.g. `{ name: "lane", key: "SP>RJ" }`; chains run from broadest to most specific. */
export interface SegmentLevel {
  name: string;
  key: string;
}

/** How much one rung contributed to a blended distribution, for the explanation. */
export interface LevelEvidence extends SegmentLevel {
  /** Recency-weighted number of shipments that started in this segment. */
  weightedShipments: number;
  /** Shipments that ever started in this segment. */
  shipments: number;
  /** The share of the final distribution that this rung's own history provides (0…1). */
  share: number;
}

export interface BlendedDistribution {
  pmf: Pmf;
  /** Mean duration under current conditions over the long-run mean (1.2 = 20% slower than usual). */
  conditionsFactor: number;
  levels: LevelEvidence[];
  /** The share left to the configured default (carrier/service defaults when history is thin). */
  defaultShare: number;
}

export interface HazardStoreOptions {
  bins: number;
  halfLifeDays: number;
  /** Pseudo-shipments of the broader rung that a segment's own history must outweigh. */
  priorStrength: number;
  /** Pseudo-shipments of the configured default that the broadest rung's history must outweigh. */
  defaultStrength: number;
  /**
   * Current conditions: when set, segments keep a long memory (their shape is geography, which is stable)
   * and the broadest rung's recent hazards, over its long-run ones, scale every segment (which is the weather,
   * the season, the backlog — shared and fast-moving). In "speed" mode that scaling is one time-scale factor
   * (see `speedOf`), in "hazard" mode a ratio per day of the distribution.
   */
  conditions: { halfLifeDays: number; strength: number; mode: "hazard" | "speed"; speedLevels: number } | null;
}

/**
 * Daily completion hazards per segment: of the shipments still waiting after k working days, the share that
 * completed on day k. Shipments still in flight count as "still waiting" every day they are, so a slowdown shows
 * the day it starts instead of weeks later when the slow parcels finally land. Both counts decay by the day they
 * were seen, and each rung of a fallback chain is shrunk toward the rung above it.
 */
export interface HazardStore {
  /** A shipment in `chain` was still waiting at the start of working day k (seen on `at`). */
  waiting(chain: readonly SegmentLevel[], k: number, at: EpochDay): void;
  /** A shipment in `chain` completed on working day k. */
  completed(chain: readonly SegmentLevel[], k: number, at: EpochDay): void;
  blend(chain: readonly SegmentLevel[], at: EpochDay, fallback: Pmf): BlendedDistribution;
}

interface SegmentCounts {
  waiting: DecayedHistogram;
  completed: DecayedHistogram;
  shipments: number;
  /** Short-memory counts, kept on the broadest rung only, when current conditions are tracked. */
  recent?: { waiting: DecayedHistogram; completed: DecayedHistogram };
}

/** An empty hazard store. */
export function createHazardStore(options: HazardStoreOptions): HazardStore {
  const segments = new Map<string, SegmentCounts>();
  const id = (level: SegmentLevel) => `${level.name}\u0000${level.key}`;
  // Rungs that keep short-memory counts: the broadest, or with speeds the first `speedLevels` (a region can slow down alone).
  const tracked = options.conditions ? (options.conditions.mode === "speed" ? options.conditions.speedLevels : 1) : 0;
  const segmentOf = (level: SegmentLevel, index: number) => {
    let segment = segments.get(id(level));
    if (!segment) {
      segment = {
        waiting: createDecayedHistogram(options.bins, options.halfLifeDays),
        completed: createDecayedHistogram(options.bins, options.halfLifeDays),
        shipments: 0,
      };
      if (index < tracked && options.conditions) {
        const { halfLifeDays } = options.conditions;
        segment.recent = { waiting: createDecayedHistogram(options.bins, halfLifeDays), completed: createDecayedHistogram(options.bins, halfLifeDays) };
      }
      segments.set(id(level), segment);
    }
    return segment;
  };

  const speeds = new Map<SegmentCounts, { at: EpochDay; speed: number }>();

  /**
   * A segment's current speed (see `speedOf`), shrunk toward its parent's, estimated once a day per segment: a
   * day-old estimate is causal and saves the grid search per promise.
   */
  function currentSpeed(segment: SegmentCounts | undefined, longRun: Float64Array, parentSpeed: number, at: EpochDay): number {
    if (!options.conditions || !segment?.recent) return parentSpeed;
    let cached = speeds.get(segment);
    if (cached?.at !== at) {
      const { waiting, completed } = segment.recent;
      cached = { at, speed: speedOf(waiting.countsAt(at), completed.countsAt(at), pmfOf(longRun), options.conditions.strength, parentSpeed) };
      speeds.set(segment, cached);
    }
    return cached.speed;
  }

  /** Current over long-run hazard per day, from the broadest rung's recent counts shrunk toward its long-run hazard. */
  function conditionsRatio(broadest: SegmentCounts | undefined, longRun: Float64Array, at: EpochDay): Float64Array | null {
    if (!options.conditions || !broadest?.recent) return null;
    const waiting = broadest.recent.waiting.countsAt(at);
    const completed = broadest.recent.completed.countsAt(at);
    const strength = options.conditions.strength;
    const ratio = new Float64Array(options.bins);
    for (let k = 0; k < options.bins; k++) {
      const current = (completed[k]! + strength * longRun[k]!) / (waiting[k]! + strength);
      ratio[k] = longRun[k]! > 1e-12 ? current / longRun[k]! : 1;
    }
    return ratio;
  }

  return {
    waiting(chain, k, at) {
      for (const [index, level] of chain.entries()) {
        const segment = segmentOf(level, index);
        segment.waiting.add(k, at);
        segment.recent?.waiting.add(k, at);
        if (k === 0) segment.shipments++;
      }
    },
    completed(chain, k, at) {
      for (const [index, level] of chain.entries()) {
        const segment = segmentOf(level, index);
        segment.completed.add(k, at);
        segment.recent?.completed.add(k, at);
      }
    },
    blend(chain, at, fallback) {
      let hazard = hazardOf(fallback);
      let ratio: Float64Array | null = null;
      let broadestLongRun: Float64Array | null = null;
      let broadestAtSpeed: Float64Array | null = null;
      let speed = 1;
      const shares: number[] = [];
      const levels: LevelEvidence[] = [];
      for (const [index, level] of chain.entries()) {
        const m = index === 0 ? options.defaultStrength : options.priorStrength;
        const segment = segments.get(id(level));
        const waiting = segment?.waiting.countsAt(at);
        const weight = waiting?.[0] ?? 0;
        if (segment && waiting && weight > 0) {
          const completed = segment.completed.countsAt(at);
          const next = new Float64Array(options.bins);
          for (let k = 0; k < options.bins; k++) next[k] = (completed[k]! + m * hazard[k]!) / (waiting[k]! + m);
          hazard = next;
        }
        if (options.conditions?.mode === "speed") speed = currentSpeed(segment, hazard, speed, at);
        if (index === 0) {
          // What the speed does not explain (a backlog piling up at some days) still shows through the per-day ratio.
          broadestLongRun = hazard;
          broadestAtSpeed = speed === 1 ? hazard : hazardOf(timeScaled(pmfOf(hazard), speed));
          ratio = conditionsRatio(segment, broadestAtSpeed, at);
        }
        const own = weight / (weight + m);
        for (let i = 0; i < shares.length; i++) shares[i]! *= 1 - own;
        shares.push(own);
        levels.push({ ...level, weightedShipments: weight, shipments: segment?.shipments ?? 0, share: 0 });
      }
      levels.forEach((level, i) => (level.share = shares[i]!));
      const longRun = pmfOf(hazard);
      let pmf = longRun;
      let conditionsFactor = 1;
      if (ratio && broadestLongRun && broadestAtSpeed) {
        const current = ratio;
        const atSpeed = speed === 1 ? hazard : hazardOf(timeScaled(longRun, speed));
        pmf = pmfOf(atSpeed.map((h, k) => Math.min(1, h * current[k]!)));
        const broadestNow = pmfOf(broadestAtSpeed.map((h, k) => Math.min(1, h * current[k]!)));
        conditionsFactor = (mean(broadestNow) + 0.5) / (mean(pmfOf(broadestLongRun)) + 0.5);
      }
      return { pmf, conditionsFactor, levels, defaultShare: 1 - shares.reduce((sum, share) => sum + share, 0) };
    },
  };
}

/** h(k) = P(done on day k | not done before day k). */
function hazardOf(pmf: Pmf): Float64Array {
  const hazard = new Float64Array(pmf.length);
  let survival = 1;
  for (let k = 0; k < pmf.length; k++) {
    hazard[k] = survival > 1e-12 ? Math.min(1, pmf[k]! / survival) : 1;
    survival -= pmf[k]!;
  }
  hazard[pmf.length - 1] = 1;
  return hazard;
}

function pmfOf(hazard: Float64Array): Pmf {
  const pmf = new Float64Array(hazard.length);
  let survival = 1;
  for (let k = 0; k < hazard.length - 1; k++) {
    pmf[k] = survival * hazard[k]!;
    survival -= pmf[k]!;
  }
  pmf[hazard.length - 1] = Math.max(0, survival);
  return pmf;
}

/** Share of shipments assumed to take the long run's durations whatever the current speed. */
const OUTLIER_SHARE = 0.05;

/** Candidate speeds, ×0.25 … ×2.5 in steps of 4%, 1 included. */
const SPEED_GRID = Array.from({ length: 59 }, (_, i) => 1.04 ** (i - 35));

/**
 * How fast shipments move right now as a multiple of the long run's durations (0.6 = everything takes 60% as
 * long): the time scale under which the recent waiting/completed counts — parcels still in flight included — are
 * most likely, with `strength` pseudo-shipments that took the long run's durations at `priorSpeed` (the parent
 * rung's speed, or 1) holding it there while evidence is thin. One factor stretches or
 * shrinks every day of the distribution, its tail included, so a general speed-up shortens long promises as soon
 * as the short-duration deliveries show it, where per-day hazard ratios leave the thinly observed tail at its
 * old level for weeks.
 */
export function speedOf(waiting: Float64Array, completed: Float64Array, longRun: Pmf, strength: number, priorSpeed = 1): number {
  // The prior: `strength` shipments that took exactly the long run's distribution at `priorSpeed`.
  const prior = timeScaled(longRun, priorSpeed);
  const priorWaiting = new Float64Array(longRun.length);
  let survival = strength;
  for (let k = 0; k < longRun.length; k++) {
    priorWaiting[k] = survival;
    survival = Math.max(0, survival - strength * prior[k]!);
  }
  let best = 1;
  let bestLikelihood = -Infinity;
  for (const speed of SPEED_GRID) {
    // A few parcels (lost, stuck) ignore the speed: without room for them, a handful still waiting after
    // weeks would veto any speed-up, since a faster distribution calls them impossible.
    const hazard = hazardOf(timeScaled(longRun, speed).map((p, k) => (1 - OUTLIER_SHARE) * p + OUTLIER_SHARE * longRun[k]!));
    let likelihood = 0;
    for (let k = 0; k < hazard.length - 1; k++) {
      const h = Math.min(1 - 1e-9, Math.max(1e-9, hazard[k]!));
      const done = completed[k]! + strength * prior[k]!;
      const still = Math.max(0, waiting[k]! + priorWaiting[k]! - done);
      likelihood += done * Math.log(h) + still * Math.log(1 - h);
    }
    if (likelihood > bestLikelihood) [best, bestLikelihood] = [speed, likelihood];
  }
  return best;
}

/**
 * The distribution of `speed` × the duration: a whole day k stands for [k − ½, k + ½), the cumulative
 * distribution is interpolated linearly in between, and the last bin keeps what lies beyond.
 */
export function timeScaled(pmf: Pmf, speed: number): Pmf {
  const bins = pmf.length;
  const cumulative = new Float64Array(bins + 1);
  for (let k = 0; k < bins; k++) cumulative[k + 1] = cumulative[k]! + pmf[k]!;
  // cumulative[k] = P(duration < k − ½); `below(x)` = P(duration < x), linear within a day.
  const below = (x: number) => {
    const position = x + 0.5;
    if (position <= 0) return 0;
    if (position >= bins) return 1;
    const whole = Math.floor(position);
    return cumulative[whole]! + (position - whole) * pmf[whole]!;
  };
  const out = new Float64Array(bins);
  let previous = 0;
  for (let k = 0; k < bins - 1; k++) {
    const next = below((k + 0.5) / speed);
    out[k] = Math.max(0, next - previous);
    previous = next;
  }
  out[bins - 1] = Math.max(0, 1 - previous);
  return out;
}
