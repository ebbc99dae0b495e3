import type { Estimator } from "../estimator";
import { epochDayOf, isoDateOf, weekdayOf } from "../local-date";
import type { ShipmentFacts } from "../schemas";
import { createWorkingCalendar } from "../working-calendar";

/** Test-only helpers that build synthetic shipment histories in UTC on Brazil's calendar. */

export const brazil = createWorkingCalendar({ country: "BR" });

/** Facts for a shipment from a seller in `from` to a customer in `to` (Brazilian states). */
export function lane(from: string, to: string, originId = `seller-${from}`, postalCode = "01310"): ShipmentFacts {
  return {
    originId,
    origin: { country: "BR", region: from, postalCode: "01000" },
    destination: { country: "BR", region: to, postalCode },
  };
}

/** Noon UTC of an ISO date, or of the date `days` later. */
export function noon(isoDate: string, days = 0): Date {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000);
}

export function weekdayOfIso(isoDate: string): number {
  return weekdayOf(epochDayOf(isoDate));
}

export interface HistorySpec {
  facts: ShipmentFacts;
  /** First purchase date; one shipment is placed every working day from then on. */
  from: string;
  count: number;
  handlingWorkingDays: number;
  transitWorkingDays: number | ((index: number) => number);
  idPrefix?: string;
}

type TimedEvent = { at: Date; apply: (estimator: Estimator) => void };

/** The events of a regular history: placed, handed off and delivered after the given working days. */
export function historyEvents(spec: HistorySpec): TimedEvent[] {
  const events: TimedEvent[] = [];
  let day = brazil.nextWorkingDay(epochDayOf(spec.from));
  for (let i = 0; i < spec.count; i++, day = brazil.nextWorkingDay(day + 1)) {
    const shipmentId = `${spec.idPrefix ?? "h"}-${i}`;
    const placedAt = noon(isoDateOf(day));
    const handedOffAt = noon(isoDateOf(brazil.addWorkingDays(day, spec.handlingWorkingDays)));
    const transit = typeof spec.transitWorkingDays === "number" ? spec.transitWorkingDays : spec.transitWorkingDays(i);
    const deliveredAt = new Date(noon(isoDateOf(brazil.addWorkingDays(epochDayOf(handedOffAt.toISOString()), transit))).getTime() + 3_600_000);
    const facts = spec.facts;
    events.push({ at: placedAt, apply: (e) => e.observe({ kind: "placed", shipmentId, facts, at: placedAt }) });
    events.push({ at: handedOffAt, apply: (e) => e.observe({ kind: "handed_off", shipmentId, facts, at: handedOffAt }) });
    events.push({ at: deliveredAt, apply: (e) => e.observe({ kind: "delivered", shipmentId, facts, at: deliveredAt }) });
  }
  return events;
}

/** Feeds the events of several histories to an estimator in time order, up to (not including) `until`. */
export function replay(estimator: Estimator, specs: HistorySpec[], until?: Date): void {
  const events = specs.flatMap(historyEvents).filter((event) => !until || event.at < until);
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of events) event.apply(estimator);
}
