import type { PromiseRange } from "~/delivery-estimates/live/order-promises";

/**
 * What a delivery estimate rests on: our delivery-date promise (app/delivery-estimates, a date range in the
 * destination's calendar), or, for a parcel we made none for, the carrier's (or Shopify's) estimate.
 */
export type DeliveryEstimate = { source: "promise"; earliestDate: string; promisedDate: string } | { source: "carrier"; at: Date };

export interface EstimableShipment {
  status: string;
  estimatedDeliveryAt: Date | null;
}

const NO_ESTIMATE_STATUSES = new Set(["delivered", "returned_to_sender", "cancelled"]);

/**
 * The delivery estimate to show for a shipment while it is on its way (none once its journey ended): the
 * stored promise when there is one, the same one the order-status block and emails show, else the carrier's.
 */
export function estimatedDelivery(shipment: EstimableShipment, promise: PromiseRange | null = null): DeliveryEstimate | null {
  if (NO_ESTIMATE_STATUSES.has(shipment.status)) return null;
  if (promise) return { source: "promise", earliestDate: promise.earliestDate, promisedDate: promise.promisedDate };
  if (!shipment.estimatedDeliveryAt) return null;
  return { at: shipment.estimatedDeliveryAt, source: "carrier" };
}
