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
   * the season, the backlog — shared and fast-moving).
   */
  conditions: { halfLifeDays: number; strength: number } | null;
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
  const segmentOf = (level: SegmentLevel, broadest: boolean) => {
    let segment = segments.get(id(level));
    if (!segment) {
      segment = {
        waiting: createDecayedHistogram(options.bins, options.halfLifeDays),
        completed: createDecayedHistogram(options.bins, options.halfLifeDays),
        shipments: 0,
      };
      if (broadest && options.conditions) {
        const { halfLifeDays } = options.conditions;
        segment.recent = { waiting: createDecayedHistogram(options.bins, halfLifeDays), completed: createDecayedHistogram(options.bins, halfLifeDays) };
      }
      segments.set(id(level), segment);
    }
    return segment;
  };

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
        const segment = segmentOf(level, index === 0);
        segment.waiting.add(k, at);
        segment.recent?.waiting.add(k, at);
        if (k === 0) segment.shipments++;
      }
    },
    completed(chain, k, at) {
      for (const [index, level] of chain.entries()) {
        const segment = segmentOf(level, index === 0);
        segment.completed.add(k, at);
        segment.recent?.completed.add(k, at);
      }
    },
    blend(chain, at, fallback) {
      let hazard = hazardOf(fallback);
      let ratio: Float64Array | null = null;
      let broadestLongRun: Float64Array | null = null;
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
        if (index === 0) {
          broadestLongRun = hazard;
          ratio = conditionsRatio(segment, hazard, at);
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
      if (ratio && broadestLongRun) {
        const current = ratio;
        pmf = pmfOf(hazard.map((h, k) => Math.min(1, h * current[k]!)));
        const broadestNow = pmfOf(broadestLongRun.map((h, k) => Math.min(1, h * current[k]!)));
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
