import type { ShipmentStatus } from "../../status";

/**
 * EasyPost's tracker and tracking detail `status` values, read as ours. `error` is about EasyPost's tracking
 * (it could not read the carrier), not about the parcel, and `unknown` says nothing: neither moves a shipment.
 */
const FROM_STATUS: Readonly<Record<string, ShipmentStatus | null>> = {
  pre_transit: "label_created",
  in_transit: "in_transit",
  out_for_delivery: "out_for_delivery",
  delivered: "delivered",
  available_for_pickup: "ready_for_pickup",
  return_to_sender: "returned_to_sender",
  failure: "exception",
  cancelled: "cancelled",
  canceled: "cancelled",
  error: null,
  unknown: null,
};

/** `status_detail` values that say more than their status while the parcel is still on its way. */
const FROM_DETAIL: Readonly<Record<string, ShipmentStatus>> = {
  weather_delay: "delayed",
  delayed: "delayed",
  delivery_exception: "attempted_delivery",
  arrived_at_pickup_location: "ready_for_pickup",
};

const REFINABLE: ReadonlySet<string> = new Set(["in_transit", "out_for_delivery", "failure", "unknown"]);

/** Our status for an EasyPost status and status detail, or null when it says nothing about the parcel. */
export function shipmentStatusFromEasyPost(status: string, statusDetail: string | null): ShipmentStatus | null {
  const base = status.toLowerCase();
  const refined = statusDetail && REFINABLE.has(base) ? FROM_DETAIL[statusDetail.toLowerCase()] : undefined;
  return refined ?? FROM_STATUS[base] ?? null;
}
