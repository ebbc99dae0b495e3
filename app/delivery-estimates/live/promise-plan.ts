import type { PromiseRequest } from "../schemas";
import type { ShipmentStatus } from "~/tracking/status";
import { shipmentFactsOf, type OrderForEstimate, type ParcelForEstimate } from "./shipment-facts";

export type PromiseStage = "purchase" | "handoff" | "event";

/** A parcel of the order as the promise plan sees it. */
export interface PlannedParcel extends ParcelForEstimate {
  status: ShipmentStatus;
  statusAt: Date;
}

/** One promise still to be made: its unique basis within the order and what to ask the estimator. */
export interface PromiseToMake {
  basisKey: string;
  shipmentId: string | null;
  stage: PromiseStage;
  request: PromiseRequest;
}

/** Carrier statuses that move a promise: the engine re-reads the parcel's chances at each of them. */
const EVENT_STATUSES = new Set<ShipmentStatus>(["in_transit", "out_for_delivery", "delayed"]);
/** Statuses with nothing left to promise. */
const SETTLED = new Set<ShipmentStatus>(["delivered", "returned_to_sender", "cancelled"]);

/** The basis a promise answers; one promise per basis and order, ever. */
export const basisKeyOf = {
  purchase: () => "purchase",
  handoff: (shipmentId: string) => `handoff:${shipmentId}`,
  event: (shipmentId: string, status: ShipmentStatus, at: Date) => `event:${shipmentId}:${status}:${at.toISOString()}`,
};

/**
 * The promises an order still needs at `now`: the purchase promise while nothing has shipped, each moving
 * parcel's hand-off promise, and a new one at each carrier event that changes the parcel's outlook. Delivered,
 * returned and cancelled parcels get nothing; an order without a usable destination gets nothing.
 */
export function planPromises(
  order: OrderForEstimate & { cancelledAt: Date | null },
  parcels: readonly PlannedParcel[],
  made: ReadonlySet<string>,
  now: Date,
): PromiseToMake[] {
  if (order.cancelledAt || !shipmentFactsOf(order, null)) return [];
  const plan: PromiseToMake[] = [];
  if (!parcels.length && !made.has(basisKeyOf.purchase())) {
    const facts = shipmentFactsOf(order, null)!;
    plan.push({ basisKey: basisKeyOf.purchase(), shipmentId: null, stage: "purchase", request: { stage: "purchase", facts, placedAt: order.processedAt, at: later(order.processedAt, now) } });
  }
  for (const parcel of parcels) {
    if (SETTLED.has(parcel.status)) continue;
    const facts = shipmentFactsOf(order, parcel)!;
    const handoff = basisKeyOf.handoff(parcel.shipmentId);
    if (!made.has(handoff)) {
      plan.push({ basisKey: handoff, shipmentId: parcel.shipmentId, stage: "handoff", request: { stage: "handoff", facts, handedOffAt: parcel.handedOffAt, at: later(parcel.handedOffAt, now) } });
    }
    if (EVENT_STATUSES.has(parcel.status) && parcel.statusAt > parcel.handedOffAt) {
      const event = basisKeyOf.event(parcel.shipmentId, parcel.status, parcel.statusAt);
      if (made.has(event)) continue;
      const status = parcel.status as "in_transit" | "out_for_delivery" | "delayed";
      plan.push({ basisKey: event, shipmentId: parcel.shipmentId, stage: "event", request: { stage: "event", facts, handedOffAt: parcel.handedOffAt, at: later(parcel.statusAt, now), status } });
    }
  }
  return plan;
}

/** A parcel as a message shows it: what tells whether its stored promise is the one a refresh would make now. */
export interface ShownParcel {
  id: string;
  status: ShipmentStatus;
  statusAt: Date;
  /** The carrier's hand-off time; null when only the fulfillment knows it. */
  shippedAt: Date | null;
}

/**
 * Whether the order's stored promises (by basis key) already hold what a refresh would make for the parcels a
 * message shows — each parcel on its way has its hand-off promise and, past a moving carrier event, that event's
 * promise; an order shown without parcels has its purchase promise, unless it shipped (no purchase promise comes
 * then). Answers false when unsure (a hand-off time only the fulfillment knows): a refresh is always safe.
 */
export function promisesCurrentFor(parcels: readonly ShownParcel[], made: ReadonlySet<string>): boolean {
  // Without parcels the purchase promise is shown; any stored promise means it was made or the order shipped.
  if (!parcels.length) return made.size > 0;
  return parcels.every((parcel) => {
    if (SETTLED.has(parcel.status)) return true;
    if (!made.has(basisKeyOf.handoff(parcel.id))) return false;
    if (!EVENT_STATUSES.has(parcel.status) || made.has(basisKeyOf.event(parcel.id, parcel.status, parcel.statusAt))) return true;
    // No event promise: current only when the event is not after the hand-off (planPromises makes none then).
    return parcel.shippedAt !== null && parcel.statusAt <= parcel.shippedAt;
  });
}

// A promise is made when we learn of its basis, never dated before the basis itself.
function later(a: Date, b: Date): Date {
  return a > b ? a : b;
}
