import type { DbClient } from "~/db.server";
import { requestPromiseRefresh } from "~/delivery-estimates/live/refresh-job.server";
import { recordShipmentMilestone } from "~/notifications/outbox.server";
import { deriveShipmentState, type DerivedShipmentState, type TimelineEvent } from "./shipment-state";
import { shipmentStatusSchema } from "./status";

/**
 * Re-derives the state of every shipment of a fulfillment from the fulfillment and every event we hold
 * for it (Shopify's fulfillment-wide events and each parcel's own scans). Call inside the transaction that
 * changed either; without the fulfillment there is nothing to derive yet and its events wait. A status
 * change records its notification milestone in the same transaction (the outbox), so a message exists
 * exactly when the change does; parcels named in `newTrackingNumbers` were just created ("shipped").
 */
export async function refreshShipments(
  tx: DbClient,
  shop: string,
  fulfillmentId: string,
  options: { newTrackingNumbers?: ReadonlySet<string> } = {},
): Promise<void> {
  const fulfillment = await tx.fulfillment.findUnique({ where: { shop_id: { shop, id: fulfillmentId } } });
  if (!fulfillment) return;
  const shipments = await tx.shipment.findMany({ where: { shop, fulfillmentId } });
  if (!shipments.length) return;
  const events = await tx.trackingEvent.findMany({
    where: { shop, OR: [{ fulfillmentId }, { shipmentId: { in: shipments.map((shipment) => shipment.id) } }] },
    select: { shipmentId: true, source: true, externalId: true, status: true, happenedAt: true, estimatedDeliveryAt: true },
  });
  // Parcels of one order that change together need one promise refresh, not one each.
  const changedOrders = new Set<string>();
  for (const shipment of shipments) {
    const timeline = events.flatMap((event): TimelineEvent[] => {
      if (event.shipmentId !== null && event.shipmentId !== shipment.id) return [];
      const status = shipmentStatusSchema.safeParse(event.status);
      if (!status.success) return [];
      return [{ ...event, externalId: `${event.source}:${event.externalId}`, status: status.data }];
    });
    const derived = deriveShipmentState(fulfillment, timeline);
    const isNew = options.newTrackingNumbers?.has(shipment.trackingNumber) ?? false;
    // The new state first, then the message and jobs it causes: a job that runs as soon as it is enqueued (the
    // in-process worker) must find the shipment already in the state its message is about.
    if (!isUnchanged(shipment, derived)) await tx.shipment.updateMany({ where: { shop, id: shipment.id }, data: derived });
    if (isNew || shipment.status !== derived.status) {
      const from = isNew ? null : shipmentStatusSchema.parse(shipment.status);
      const change = { shipmentId: shipment.id, orderId: shipment.orderId, fulfillmentId, from, to: derived.status, at: derived.statusAt };
      await recordShipmentMilestone(tx, shop, change);
      changedOrders.add(shipment.orderId);
    }
  }
  for (const orderId of changedOrders) await requestPromiseRefresh(tx, shop, orderId);
}

function isUnchanged(held: Record<keyof DerivedShipmentState, unknown>, derived: DerivedShipmentState): boolean {
  return (Object.keys(derived) as (keyof DerivedShipmentState)[]).every((key) => {
    const before = held[key];
    const after = derived[key];
    return before instanceof Date && after instanceof Date ? before.getTime() === after.getTime() : before === after;
  });
}
