import type { Pmf } from "./distribution";
import type { EpochDay } from "./local-date";
import type { PromiseRule } from "./promise-rule";
import { promiseSteps } from "./promise-steps";
import type { PromiseTracker } from "./promise-tracker";
import type { WorkingCalendar } from "./working-calendar";

/**
 * Windowed counterfactual recalibration: once a day, each segment's stringency is re-solved so that, over the
 * promises opened recently (weighted by age, halving every `halfLifeDays`), the on-time rate they *would have*
 * had with that stringency equals the target. Each remembered promise keeps its distribution, so its promised
 * day under any knob is known (promise-steps.ts); its outcome under a knob is:
 * - delivered: on time when delivered on or before that day;
 * - still open, that day passed: late;
 * - still open otherwise: the chance, under its own distribution, of delivery by that day given how long it
 *   has waited (a backlog raises the knob while the late parcels are still on the road).
 * It uses how early each parcel came, not only late/on-time, and forgets old regimes by construction.
 * The knob is searched on a grid of `gridStep` within ±limit: the smallest knob whose rate reaches the target.
 * On Olist the shortest memory paid best (half-lives 45 → ½ day, ever less slack at equal on-time after Black
 * Friday and a speed-up): outcomes arrive a delivery time late, after the duration model has already caught
 * up, so with half a day the knob mostly makes the model's own forecast for the latest promises meet the
 * target, and the estimator mixes in the integrator's knob to keep the realised rate on target (schemas.ts).
 */
export interface WindowCalibrationOptions {
  halfLifeDays: number;
  limit: number;
  gridStep: number;
  /** The solved knob is shrunk toward 0 by weight / (weight + priorWeight): a thin window says little. */
  priorWeight: number;
  rule: PromiseRule;
  maxLevel: number;
}

export interface WindowCalibration {
  stringencyFor(key: string): number;
  settledIn(key: string): number;
  /** Re-solves every knob for `day` (call once the tracker has been advanced to it). */
  relaxTo(day: EpochDay): void;
  tracker: PromiseTracker;
}

interface Remembered {
  segment: Segment;
  openDay: EpochDay;
  calendar: WorkingCalendar;
  start: EpochDay;
  lowest: number;
  /** Grid index from which each further working day applies (ascending). */
  stepAt: Int32Array;
  /** The promised day for lowest + j working days, j = 0 … stepAt.length. */
  days: Int32Array;
  /** P(duration ≥ j), j = 0 … lowest + stepAt.length + 1. */
  survival: Float64Array;
}

interface Segment {
  target: number;
  /** Increments over the grid of the settled promises' weighted on-time indicator (weights as of `asOf`). */
  settled: Float64Array;
  settledWeight: number;
  settledCount: number;
  asOf: EpochDay | null;
  open: Set<Remembered>;
  knob: number;
}

export function createWindowCalibration(options: WindowCalibrationOptions): WindowCalibration {
  const gridSize = Math.round((2 * options.limit) / options.gridStep) + 1;
  const knobAt = (index: number) => -options.limit + index * options.gridStep;
  const segments = new Map<string, Segment>();
  const byShipment = new Map<string, Remembered[]>();
  const decayPerDay = Math.pow(0.5, 1 / options.halfLifeDays);
  let today: EpochDay | null = null;

  const segmentOf = (key: string, target: number) => {
    let segment = segments.get(key);
    if (!segment) {
      segment = { target, settled: new Float64Array(gridSize), settledWeight: 0, settledCount: 0, asOf: null, open: new Set(), knob: 0 };
      segments.set(key, segment);
    }
    segment.target = target;
    return segment;
  };

  /** Adds a promise's on-time values (one per working-day count) as increments over the grid. */
  function add(into: Float64Array, promise: Remembered, weight: number, onTime: (k: number) => number): void {
    let previous = onTime(promise.lowest);
    into[0]! += weight * previous;
    for (let j = 0; j < promise.stepAt.length; j++) {
      const value = onTime(promise.lowest + j + 1);
      into[promise.stepAt[j]!]! += weight * (value - previous);
      previous = value;
    }
  }

  function settle(promise: Remembered, onTime: (k: number) => number): void {
    const segment = promise.segment;
    segment.open.delete(promise);
    const age = segment.asOf === null ? 0 : segment.asOf - promise.openDay;
    const weight = Math.pow(decayPerDay, Math.max(0, age));
    add(segment.settled, promise, weight, onTime);
    segment.settledWeight += weight;
    segment.settledCount++;
  }

  const dayFor = (promise: Remembered, k: number) => promise.days[k - promise.lowest]!;

  const tracker: PromiseTracker = {
    open(shipmentId, promise, pmf: Pmf) {
      const segment = segmentOf(promise.segment, promise.target);
      const steps = promiseSteps(pmf, options.rule, promise.target, options.maxLevel, options.limit);
      const stepAt = Int32Array.from(steps.thresholds, (threshold) => Math.min(gridSize - 1, Math.max(1, Math.ceil((threshold + options.limit) / options.gridStep - 1e-9))));
      const highest = steps.lowest + stepAt.length;
      const days = new Int32Array(stepAt.length + 1);
      days[0] = promise.calendar.addWorkingDays(promise.start, steps.lowest);
      for (let j = 1; j < days.length; j++) days[j] = promise.calendar.nextWorkingDay(days[j - 1]! + 1);
      const survival = new Float64Array(highest + 2);
      let tail = 0;
      for (let j = pmf.length - 1; j >= 0; j--) {
        tail += pmf[j]!;
        if (j < survival.length) survival[j] = tail;
      }
      const remembered: Remembered = {
        segment,
        openDay: today ?? promise.start,
        calendar: promise.calendar,
        start: promise.start,
        lowest: steps.lowest,
        stepAt,
        days,
        survival,
      };
      segment.open.add(remembered);
      byShipment.set(shipmentId, [...(byShipment.get(shipmentId) ?? []), remembered]);
    },
    advanceTo(day) {
      today = today === null ? day : Math.max(today, day);
      for (const [shipmentId, promises] of byShipment) {
        const stillOpen = promises.filter((promise) => {
          if (day > promise.days[promise.days.length - 1]!) {
            settle(promise, () => 0);
            return false;
          }
          return true;
        });
        if (stillOpen.length) byShipment.set(shipmentId, stillOpen);
        else byShipment.delete(shipmentId);
      }
    },
    delivered(shipmentId, day) {
      for (const promise of byShipment.get(shipmentId) ?? []) settle(promise, (k) => (day <= dayFor(promise, k) ? 1 : 0));
      byShipment.delete(shipmentId);
    },
    drop(shipmentId) {
      for (const promise of byShipment.get(shipmentId) ?? []) promise.segment.open.delete(promise);
      byShipment.delete(shipmentId);
    },
  };

  const scratch = new Float64Array(gridSize);
  function solve(segment: Segment, day: EpochDay): void {
    if (segment.asOf !== null && day > segment.asOf) {
      const keep = Math.pow(decayPerDay, day - segment.asOf);
      // Below any weight that could still matter, start afresh rather than drift into subnormal numbers.
      const faded = segment.settledWeight * keep < 1e-100;
      for (let g = 0; g < gridSize; g++) segment.settled[g] = faded ? 0 : segment.settled[g]! * keep;
      segment.settledWeight = faded ? 0 : segment.settledWeight * keep;
    }
    segment.asOf = Math.max(day, segment.asOf ?? day);
    scratch.set(segment.settled);
    let weight = segment.settledWeight;
    for (const promise of segment.open) {
      const w = Math.pow(decayPerDay, Math.max(0, day - promise.openDay));
      if (w < 1e-12) continue;
      const waited = Math.min(promise.survival.length - 1, Math.max(0, promise.calendar.elapsedWorkingDays(promise.start, day)));
      const stillWaiting = promise.survival[waited]!;
      add(scratch, promise, w, (k) => {
        if (day > dayFor(promise, k)) return 0;
        if (stillWaiting <= 1e-12) return 0;
        return Math.max(0, 1 - promise.survival[k + 1]! / stillWaiting);
      });
      weight += w;
    }
    if (weight <= 0) {
      segment.knob = 0;
      return;
    }
    const goal = segment.target * weight;
    let cumulative = 0;
    let index = gridSize - 1;
    for (let g = 0; g < gridSize; g++) {
      cumulative += scratch[g]!;
      if (cumulative >= goal - 1e-12) {
        index = g;
        break;
      }
    }
    segment.knob = (knobAt(index) * weight) / (weight + options.priorWeight);
  }

  let solvedFor: EpochDay | null = null;
  return {
    tracker,
    stringencyFor: (key) => segments.get(key)?.knob ?? 0,
    settledIn: (key) => segments.get(key)?.settledCount ?? 0,
    relaxTo(day) {
      if (solvedFor !== null && day <= solvedFor) return;
      solvedFor = day;
      for (const segment of segments.values()) solve(segment, day);
    },
  };
}
