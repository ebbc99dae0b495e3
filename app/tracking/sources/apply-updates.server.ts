import type { DbClient } from "~/db.server";
import { atomically } from "~/orders/atomically.server";
import { compactTrackingNumber } from "../carriers/tracking-number";
import { refreshReturnShipment } from "../return-shipments.server";
import { refreshShipments } from "../shipments.server";
import type { CarrierEvent, TrackingUpdate } from "./carrier-update-source";

export interface ApplyOutcome {
  /** Events written (inserted or refreshed); a replay counts again but changes nothing. */
  events: number;
  /** Tracking numbers no shipment of the shop carries: their events are not stored. */
  unmatchedTrackingNumbers: string[];
}

/**
 * Stores the events of tracking updates from any source, idempotent on (source, externalId), and re-derives
 * the shipments they concern, in one transaction. Fulfillment-wide events wait for their fulfillment if it has
 * not arrived yet; per-parcel events need a shipment with that tracking number, else they are reported back.
 */
export async function applyTrackingUpdates(client: DbClient, shop: string, updates: readonly TrackingUpdate[]): Promise<ApplyOutcome> {
  return atomically(client, async (tx) => {
    const outcome: ApplyOutcome = { events: 0, unmatchedTrackingNumbers: [] };
    const touchedFulfillments = new Set<string>();
    // Return labels' parcels have no Shopify fulfillment; they are re-derived one by one.
    const touchedReturnParcels = new Set<string>();
    for (const update of updates) {
      if ("fulfillmentId" in update.target) {
        const { fulfillmentId } = update.target;
        for (const event of update.events) await writeEvent(tx, shop, update.source, event.externalId, event, { fulfillmentId, shipmentId: null });
        outcome.events += update.events.length;
        touchedFulfillments.add(fulfillmentId);
        continue;
      }
      const shipments = await shipmentsWithNumber(tx, shop, update.target.trackingNumber);
      if (!shipments.length) {
        outcome.unmatchedTrackingNumbers.push(update.target.trackingNumber);
        continue;
      }
      for (const shipment of shipments) {
        // One row per parcel: the same number can sit in two fulfillments (a parcel re-sent under a new one).
        for (const event of update.events) {
          const externalId = `${event.externalId}@${shipment.fulfillmentId}`;
          await writeEvent(tx, shop, update.source, externalId, event, { fulfillmentId: null, shipmentId: shipment.id });
        }
        outcome.events += update.events.length;
        if (shipment.kind === "return") touchedReturnParcels.add(shipment.id);
        else touchedFulfillments.add(shipment.fulfillmentId);
      }
    }
    for (const fulfillmentId of touchedFulfillments) await refreshShipments(tx, shop, fulfillmentId);
    for (const shipmentId of touchedReturnParcels) await refreshReturnShipment(tx, shop, shipmentId);
    return outcome;
  });
}

async function shipmentsWithNumber(tx: DbClient, shop: string, trackingNumber: string) {
  const trackingKey = compactTrackingNumber(trackingNumber);
  if (!trackingKey) return [];
  return tx.shipment.findMany({ where: { shop, trackingKey }, select: { id: true, fulfillmentId: true, kind: true } });
}

async function writeEvent(
  tx: DbClient,
  shop: string,
  source: string,
  externalId: string,
  { externalId: _sourceId, ...fields }: CarrierEvent,
  owner: { fulfillmentId: string | null; shipmentId: string | null },
): Promise<void> {
  await tx.trackingEvent.upsert({
    where: { shop_source_externalId: { shop, source, externalId } },
    create: { shop, source, externalId, ...owner, ...fields },
    update: { ...owner, ...fields },
  });
}
