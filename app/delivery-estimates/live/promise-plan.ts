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

// A promise is made when we learn of its basis, never dated before the basis itself.
function later(a: Date, b: Date): Date {
  return a > b ? a : b;
}
