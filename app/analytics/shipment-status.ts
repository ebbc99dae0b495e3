import type { ShipmentStatus } from "~/tracking/status";

// Only a type comes from app/tracking/status.ts: this module is part of the browser bundle, and importing
// that module's values would pull its zod schema in with them.

/** What the overview calls each normalised status; typed so a status added in app/tracking needs a label. */
export const SHIPMENT_STATUS_LABELS: Record<ShipmentStatus, string> = {
  label_created: "Label created",
  picked_up: "Picked up",
  in_transit: "In transit",
  out_for_delivery: "Out for delivery",
  attempted_delivery: "Delivery attempted",
  ready_for_pickup: "Ready for pickup",
  delayed: "Delayed",
  exception: "Exception",
  delivered: "Delivered",
  returned_to_sender: "Returned to sender",
  cancelled: "Cancelled",
};

/** Statuses that need the merchant's attention by themselves, whatever their age. */
export const ATTENTION_SHIPMENT_STATUSES = ["exception", "attempted_delivery", "delayed"] as const satisfies readonly ShipmentStatus[];

/** Whether a stored status string is one of the normalised statuses. */
export function isShipmentStatus(value: string): value is ShipmentStatus {
  return Object.hasOwn(SHIPMENT_STATUS_LABELS, value);
}

/** The label to show for a stored status string; a string app/tracking does not define is shown as stored. */
export function shipmentStatusLabel(value: string): string {
  return isShipmentStatus(value) ? SHIPMENT_STATUS_LABELS[value] : value;
}
