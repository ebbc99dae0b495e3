import type { DetectedException } from "./detect";

/** What a flag is about: the parcel, or the order for order-level kinds. */
export function exceptionSubject(exception: Pick<DetectedException, "orderId" | "shipmentId">): string {
  return exception.shipmentId ? `shipment:${exception.shipmentId}` : `order:${exception.orderId}`;
}

/** The key that allows one open flag per subject and kind (ShipmentException.openKey). */
export function openKeyOf(exception: Pick<DetectedException, "orderId" | "shipmentId" | "kind">): string {
  return `${exceptionSubject(exception)}:${exception.kind}`;
}
