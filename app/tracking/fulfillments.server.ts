import type { DbClient } from "~/db.server";
import { atomically } from "~/orders/atomically.server";
import type { SyncOutcome } from "~/orders/sync.server";
import type { ShopifyJson } from "~/webhooks/payload";
import { resolveParcelCarrier } from "./carriers/parcel-carrier";
import { fulfillmentSnapshotFromWebhook } from "./fulfillment-payload";
import type { FulfillmentFields, FulfillmentSnapshot } from "./fulfillment-snapshot";
import { refreshShipments } from "./shipments.server";

/** Applies fulfillments/create and fulfillments/update. Throws InvalidShopifyPayloadError if unusable. */
export async function applyFulfillmentWebhook(client: DbClient, shop: string, payload: ShopifyJson): Promise<void> {
  await upsertFulfillmentSnapshot(client, shop, fulfillmentSnapshotFromWebhook(payload));
}

/**
 * Writes a fulfillment, its line items and one shipment per tracking number in one transaction, unless we
 * hold a newer version; then re-derives its shipments' status. The shipments are exactly the latest
 * version's tracking numbers: a corrected number replaces the old parcel. The one write path for webhooks
 * and reconciliation.
 */
export async function upsertFulfillmentSnapshot(
  client: DbClient,
  shop: string,
  snapshot: FulfillmentSnapshot,
): Promise<SyncOutcome> {
  return atomically(client, async (tx) => {
    if (!(await writeFulfillment(tx, shop, snapshot.fulfillment))) return "stale";
    await writeLineItems(tx, shop, snapshot);
    const newTrackingNumbers = await writeParcels(tx, shop, snapshot);
    await refreshShipments(tx, shop, snapshot.fulfillment.id, { newTrackingNumbers });
    return "applied";
  });
}

async function writeFulfillment(tx: DbClient, shop: string, fulfillment: FulfillmentFields): Promise<boolean> {
  const held = await tx.fulfillment.findUnique({
    where: { shop_id: { shop, id: fulfillment.id } },
    select: { shopifyUpdatedAt: true },
  });
  if (!held) {
    await tx.fulfillment.create({ data: { shop, ...fulfillment } });
    return true;
  }
  if (held.shopifyUpdatedAt > fulfillment.shopifyUpdatedAt) return false;
  const { count } = await tx.fulfillment.updateMany({
    where: { shop, id: fulfillment.id, shopifyUpdatedAt: { lte: fulfillment.shopifyUpdatedAt } },
    data: fulfillment,
  });
  return count > 0;
}

async function writeLineItems(tx: DbClient, shop: string, { fulfillment, lineItems }: FulfillmentSnapshot): Promise<void> {
  await tx.fulfillmentLineItem.deleteMany({
    where: { shop, fulfillmentId: fulfillment.id, lineItemId: { notIn: lineItems.map((item) => item.lineItemId) } },
  });
  for (const item of lineItems) {
    await tx.fulfillmentLineItem.upsert({
      where: { shop_fulfillmentId_lineItemId: { shop, fulfillmentId: fulfillment.id, lineItemId: item.lineItemId } },
      create: { shop, fulfillmentId: fulfillment.id, ...item },
      update: { quantity: item.quantity },
    });
  }
}

/** Writes the fulfillment's parcels; returns the tracking numbers that are new (their "shipped" moment). */
async function writeParcels(tx: DbClient, shop: string, { fulfillment, parcels }: FulfillmentSnapshot): Promise<ReadonlySet<string>> {
  await tx.shipment.deleteMany({
    where: { shop, fulfillmentId: fulfillment.id, trackingNumber: { notIn: parcels.map((parcel) => parcel.trackingNumber) } },
  });
  const held = await tx.shipment.findMany({ where: { shop, fulfillmentId: fulfillment.id }, select: { trackingNumber: true } });
  const heldNumbers = new Set(held.map((shipment) => shipment.trackingNumber));
  for (const parcel of parcels) {
    const fields = {
      orderId: fulfillment.orderId,
      ...resolveParcelCarrier({
        trackingNumber: parcel.trackingNumber,
        trackingCompany: parcel.carrier,
        trackingUrl: parcel.trackingUrl,
        service: fulfillment.service,
      }),
      shippedAt: fulfillment.shopifyCreatedAt,
    };
    await tx.shipment.upsert({
      where: {
        shop_fulfillmentId_trackingNumber: { shop, fulfillmentId: fulfillment.id, trackingNumber: parcel.trackingNumber },
      },
      // The status is a placeholder until refreshShipments derives it in the same transaction.
      create: {
        shop,
        fulfillmentId: fulfillment.id,
        trackingNumber: parcel.trackingNumber,
        ...fields,
        status: "label_created",
        statusAt: fulfillment.shopifyCreatedAt,
      },
      update: fields,
    });
  }
  return new Set(parcels.map((parcel) => parcel.trackingNumber).filter((number) => !heldNumbers.has(number)));
}
