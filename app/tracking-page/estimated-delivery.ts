/** What a delivery estimate rests on; the EDD engine will add its own sources. */
export type EstimateSource = "carrier";

export interface DeliveryEstimate {
  at: Date;
  source: EstimateSource;
}

export interface EstimableShipment {
  status: string;
  estimatedDeliveryAt: Date | null;
}

const NO_ESTIMATE_STATUSES = new Set(["delivered", "returned_to_sender", "cancelled"]);

/**
 * The delivery estimate to show for a shipment: the carrier's (or Shopify's) estimate while the parcel is
 * on its way, none once its journey ended. The one place the EDD engine plugs in later.
 */
export function estimatedDelivery(shipment: EstimableShipment): DeliveryEstimate | null {
  if (NO_ESTIMATE_STATUSES.has(shipment.status) || !shipment.estimatedDeliveryAt) return null;
  return { at: shipment.estimatedDeliveryAt, source: "carrier" };
}
