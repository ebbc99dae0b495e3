import { SHIPMENT_STATUSES, TERMINAL_STATUSES, type ShipmentStatus } from "~/tracking/status";
import { handlingDeadline } from "./handling-deadline";
import type { ExceptionKind } from "./kinds";
import type { DetectionPolicy } from "./settings";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A parcel as detection sees it. */
export interface ShipmentFacts {
  id: string;
  orderId: string;
  trackingNumber: string;
  status: ShipmentStatus;
  /** When the event that set `status` happened. */
  statusAt: Date;
  /** The latest carrier event, if any arrived. */
  lastEventAt: Date | null;
  shippedAt: Date | null;
  estimatedDeliveryAt: Date | null;
  /** Set when the parcel's updated delivery estimate now lands after the date promised to the shopper (app/delivery-estimates). */
  predictedLate?: { promisedDate: string; expectedDate: string; since: Date } | null;
}

/** An order with no parcel yet, as detection sees it. */
export interface UnshippedOrderFacts {
  id: string;
  name: string;
  processedAt: Date;
}

export type Evidence = Record<string, string | number | null>;

/** One problem found: what it is about, since when, and the facts that show it. */
export interface DetectedException {
  kind: ExceptionKind;
  orderId: string;
  shipmentId: string | null;
  /** When the cause began (e.g. the last scan plus the stall period). */
  since: Date;
  evidence: Evidence;
}

/** Statuses where the parcel is still expected to move: every status that does not end the journey. */
const ON_ITS_WAY: ReadonlySet<ShipmentStatus> = new Set(SHIPMENT_STATUSES.filter((status) => !TERMINAL_STATUSES.has(status)));

/** Statuses that mean the carrier could not deliver. */
const FAILED: ReadonlySet<ShipmentStatus> = new Set(["attempted_delivery", "exception"]);

/**
 * The exceptions the facts show at `now` under the shop's policy: pure, so the same facts and clock always
 * give the same flags. A parcel can carry several kinds at once (late and stalled); switched-off kinds are left out.
 */
export function detectExceptions(
  facts: { shipments: readonly ShipmentFacts[]; unshippedOrders: readonly UnshippedOrderFacts[] },
  policy: DetectionPolicy,
  now: Date,
): DetectedException[] {
  const found = [
    ...facts.shipments.flatMap((shipment) => shipmentExceptions(shipment, policy, now)),
    ...facts.unshippedOrders.flatMap((order) => unfulfilledException(order, policy, now)),
  ];
  return found.filter((exception) => policy.kinds[exception.kind]);
}

function shipmentExceptions(shipment: ShipmentFacts, policy: DetectionPolicy, now: Date): DetectedException[] {
  const flag = (kind: ExceptionKind, since: Date, evidence: Evidence): DetectedException => ({
    kind,
    orderId: shipment.orderId,
    shipmentId: shipment.id,
    since,
    evidence: { trackingNumber: shipment.trackingNumber, status: shipment.status, ...evidence },
  });
  if (shipment.status === "returned_to_sender") return [flag("returned_to_sender", shipment.statusAt, { returnedAt: iso(shipment.statusAt) })];
  if (!ON_ITS_WAY.has(shipment.status)) return [];

  const found: DetectedException[] = [];
  if (FAILED.has(shipment.status)) found.push(flag("failed_attempt", shipment.statusAt, { failedAt: iso(shipment.statusAt) }));
  const lastSign = latest(shipment.lastEventAt, shipment.statusAt, shipment.shippedAt);
  const stalledSince = new Date(lastSign.getTime() + policy.stalledAfterDays * DAY_MS);
  if (stalledSince <= now) {
    found.push(flag("stalled", stalledSince, { lastEventAt: iso(lastSign), daysWithoutEvent: Math.floor((now.getTime() - lastSign.getTime()) / DAY_MS) }));
  }
  if (shipment.estimatedDeliveryAt) {
    const pastDueSince = new Date(shipment.estimatedDeliveryAt.getTime() + policy.pastDueGraceHours * HOUR_MS);
    if (pastDueSince <= now) found.push(flag("past_due", pastDueSince, { estimatedDeliveryAt: iso(shipment.estimatedDeliveryAt) }));
  }
  if (shipment.predictedLate) {
    const { promisedDate, expectedDate, since } = shipment.predictedLate;
    found.push(flag("predicted_late", since, { promisedDate, expectedDate }));
  }
  return found;
}

function unfulfilledException(order: UnshippedOrderFacts, policy: DetectionPolicy, now: Date): DetectedException[] {
  const deadline = handlingDeadline(order.processedAt, policy.handlingDays, policy.shippingWeekdays);
  if (deadline > now) return [];
  return [
    {
      kind: "unfulfilled_past_handling",
      orderId: order.id,
      shipmentId: null,
      since: deadline,
      evidence: { orderName: order.name, orderedAt: iso(order.processedAt), shipBy: iso(deadline), handlingDays: policy.handlingDays },
    },
  ];
}

function latest(...dates: (Date | null)[]): Date {
  return new Date(Math.max(...dates.flatMap((date) => (date ? [date.getTime()] : []))));
}

function iso(date: Date): string {
  return date.toISOString();
}
