import type { HazardStore, SegmentLevel } from "./hazard-store";
import type { EpochDay } from "./local-date";
import type { WorkingCalendar } from "./working-calendar";

interface Waiting {
  chain: readonly SegmentLevel[];
  calendar: WorkingCalendar;
  start: EpochDay;
  /** The last working-day index already counted as waiting (−1: none yet). */
  countedThrough: number;
  /** The date of working day `countedThrough`, so the next one is found without recounting. */
  countedDay: EpochDay;
}

/**
 * The shipments of one phase (handling or transit) that started and have not finished. Each working day
 * they are still waiting is counted into the hazard store as it passes, which is what lets the estimator
 * see a backlog building before the late parcels arrive.
 */
export interface InFlightTracker {
  start(id: string, chain: readonly SegmentLevel[], calendar: WorkingCalendar, day: EpochDay): void;
  /** Counts every shipment still waiting at the start of each working day up to `today`. */
  advanceTo(today: EpochDay): void;
  /** Records a finish on `day` and returns the working days it took, or undefined if `id` was not in flight. */
  finish(id: string, day: EpochDay): number | undefined;
  /** Forgets a shipment without a finish (cancelled): it only ever counts as having waited. */
  drop(id: string): void;
  readonly size: number;
}

/** A tracker feeding `store`; shipments waiting longer than `maxDays` working days are dropped as lost. */
export function createInFlightTracker(store: HazardStore, maxDays: number): InFlightTracker {
  const waiting = new Map<string, Waiting>();

  function countThrough(shipment: Waiting, lastK: number): void {
    for (let k = shipment.countedThrough + 1; k <= Math.min(lastK, maxDays); k++) {
      const day = k === 0 ? shipment.calendar.nextWorkingDay(shipment.start) : shipment.calendar.nextWorkingDay(shipment.countedDay + 1);
      store.waiting(shipment.chain, k, day);
      shipment.countedThrough = k;
      shipment.countedDay = day;
    }
  }

  return {
    get size() {
      return waiting.size;
    },
    start(id, chain, calendar, day) {
      waiting.set(id, { chain, calendar, start: day, countedThrough: -1, countedDay: day });
    },
    advanceTo(today) {
      for (const [id, shipment] of waiting) {
        const { calendar, start } = shipment;
        const lastK = calendar.elapsedWorkingDays(start, today) - (calendar.isWorkingDay(today) ? 0 : 1);
        countThrough(shipment, lastK);
        if (shipment.countedThrough >= maxDays) waiting.delete(id);
      }
    },
    finish(id, day) {
      const shipment = waiting.get(id);
      if (!shipment) return undefined;
      waiting.delete(id);
      const days = Math.min(maxDays, Math.max(0, shipment.calendar.elapsedWorkingDays(shipment.start, day)));
      countThrough(shipment, days);
      store.completed(shipment.chain, days, Math.max(day, shipment.countedDay));
      return days;
    },
    drop(id) {
      waiting.delete(id);
    },
  };
}
