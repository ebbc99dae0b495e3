import type { StringencyCalibrator } from "./calibration";
import type { Pmf } from "./distribution";
import type { EpochDay } from "./local-date";
import type { WorkingCalendar } from "./working-calendar";

interface OpenPromise {
  segment: string;
  target: number;
  calendar: WorkingCalendar;
  /** The day the working-day count started. */
  start: EpochDay;
  promised: EpochDay;
  workingDays: number;
  /** P(duration ≥ j) under the distribution the promise was made from, for j = 0 … bins. */
  survival: Float64Array;
  lateProbability: number;
}

/**
 * Follows the promises made for real shipments until their outcome is known and feeds the calibrator as
 * evidence arrives, not only at the end: each day a parcel is still not delivered, the chance its promise
 * will be missed (under the distribution it was made from) rises, and the calibrator hears of it that day.
 * The increments add up to exactly (outcome − predicted), so nothing is counted twice, but a backlog moves
 * the knob while the late parcels are still on the road rather than weeks later when their dates pass.
 */
export interface PromiseTracker {
  open(shipmentId: string, promise: Omit<OpenPromise, "survival" | "lateProbability">, pmf: Pmf): void;
  /** Updates every open promise for the start of `today`; promises whose date passed are settled as late. */
  advanceTo(today: EpochDay): void;
  /** Settles every open promise of a shipment delivered on `day`. */
  delivered(shipmentId: string, day: EpochDay): void;
  /** Forgets a shipment's promises (order cancelled): what was learned from them so far stands. */
  drop(shipmentId: string): void;
}

/** A tracker reporting to `calibrator`. */
export function createPromiseTracker(calibrator: StringencyCalibrator): PromiseTracker {
  const open = new Map<string, OpenPromise[]>();

  function move(promise: OpenPromise, lateProbability: number, settled: boolean): void {
    calibrator.moved(promise.segment, lateProbability - promise.lateProbability, settled);
    promise.lateProbability = lateProbability;
  }

  return {
    open(shipmentId, promise, pmf) {
      const survival = new Float64Array(pmf.length + 1);
      for (let j = pmf.length - 1; j >= 0; j--) survival[j] = survival[j + 1]! + pmf[j]!;
      const lateProbability = survival[Math.min(pmf.length, promise.workingDays + 1)]!;
      const tracked: OpenPromise = { ...promise, survival, lateProbability };
      calibrator.opened(promise.segment, lateProbability, promise.target);
      open.set(shipmentId, [...(open.get(shipmentId) ?? []), tracked]);
    },
    advanceTo(today) {
      for (const [shipmentId, promises] of open) {
        const stillOpen = promises.filter((promise) => {
          if (today > promise.promised) {
            move(promise, 1, true);
            return false;
          }
          const waited = promise.calendar.elapsedWorkingDays(promise.start, today);
          const stillWaiting = promise.survival[Math.min(promise.survival.length - 1, waited)]!;
          const late = promise.survival[Math.min(promise.survival.length - 1, promise.workingDays + 1)]!;
          move(promise, stillWaiting > 1e-12 ? Math.min(1, late / stillWaiting) : 1, false);
          return true;
        });
        if (stillOpen.length) open.set(shipmentId, stillOpen);
        else open.delete(shipmentId);
      }
    },
    delivered(shipmentId, day) {
      for (const promise of open.get(shipmentId) ?? []) move(promise, day <= promise.promised ? 0 : 1, true);
      open.delete(shipmentId);
    },
    drop(shipmentId) {
      open.delete(shipmentId);
    },
  };
}
