import type { DbClient } from "~/db.server";
import { recordReturnParcelStatus } from "~/returns/return-parcel.server";
import { deriveShipmentState, type TimelineEvent } from "./shipment-state";
import { shipmentStatusSchema } from "./status";

/**
 * Re-derives a return label's parcel (a Shipment of kind "return") from its carrier scans, like an outbound
 * parcel but without a Shopify fulfillment: its fulfillmentId is the return's reverse delivery, so the label's
 * creation stands in for the fulfillment. A status change moves the return along (app/returns) instead of
 * sending the shopper the outbound parcel's messages. Call inside the transaction that stored the scans.
 */
export async function refreshReturnShipment(tx: DbClient, shop: string, shipmentId: string): Promise<void> {
  const shipment = await tx.shipment.findFirst({ where: { shop, id: shipmentId, kind: "return" } });
  if (!shipment) return;
  const events = await tx.trackingEvent.findMany({
    where: { shop, shipmentId },
    select: { source: true, externalId: true, status: true, happenedAt: true, estimatedDeliveryAt: true },
  });
  const timeline = events.flatMap((event): TimelineEvent[] => {
    const status = shipmentStatusSchema.safeParse(event.status);
    return status.success ? [{ ...event, externalId: `${event.source}:${event.externalId}`, status: status.data }] : [];
  });
  const labelBought = { status: "success", shipmentStatus: null, estimatedDeliveryAt: null, shopifyCreatedAt: shipment.createdAt, shopifyUpdatedAt: shipment.createdAt };
  const derived = deriveShipmentState(labelBought, timeline);
  await tx.shipment.updateMany({ where: { shop, id: shipmentId }, data: derived });
  if (shipment.status !== derived.status) await recordReturnParcelStatus(tx, shop, { shipmentId, status: derived.status, at: derived.statusAt });
}
