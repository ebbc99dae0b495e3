import type { DbClient } from "~/db.server";
import { NotFoundError } from "~/errors";
import { assertLookupId } from "~/input/text";
import type { ShipmentDetail } from "./detail";
import { joinItems } from "./parcel-items";
import { statusHistory } from "./status-history";
import { findTimelines } from "./timeline.server";

export type { ShipmentDetail } from "./detail";

/** One parcel of a shop with its order, items, timeline and status history; NotFoundError for another shop's id. */
export async function getShipmentDetail(client: DbClient, shop: string, id: string): Promise<ShipmentDetail> {
  assertLookupId("Shipment", id);
  const shipment = await client.shipment.findFirst({ where: { shop, id } });
  if (!shipment) throw new NotFoundError("Shipment", id);
  const [order, fulfillment, fulfilledItems, siblings, timelines, shopRow] = await Promise.all([
    client.order.findUnique({ where: { shop_id: { shop, id: shipment.orderId } }, select: { id: true, name: true, processedAt: true } }),
    client.fulfillment.findUnique({ where: { shop_id: { shop, id: shipment.fulfillmentId } }, select: { name: true, status: true } }),
    client.fulfillmentLineItem.findMany({ where: { shop, fulfillmentId: shipment.fulfillmentId }, select: { lineItemId: true, quantity: true } }),
    client.shipment.findMany({
      where: { shop, orderId: shipment.orderId, id: { not: shipment.id } },
      select: { id: true, trackingNumber: true, carrier: true, status: true },
      orderBy: [{ shippedAt: "asc" }, { id: "asc" }],
    }),
    findTimelines(client, shop, [shipment]),
    client.shop.findUnique({ where: { shop }, select: { ianaTimezone: true } }),
  ]);
  const lineItems = await client.lineItem.findMany({
    where: { shop, id: { in: fulfilledItems.map((item) => item.lineItemId) } },
    select: { id: true, title: true, variantTitle: true, sku: true },
  });
  const timeline = timelines.get(shipment.id) ?? [];
  return {
    shipment,
    order: { id: shipment.orderId, name: order?.name ?? null, processedAt: order?.processedAt ?? null },
    fulfillment: { id: shipment.fulfillmentId, name: fulfillment?.name ?? null, status: fulfillment?.status ?? null },
    items: joinItems(fulfilledItems, lineItems),
    siblings,
    timeline,
    history: statusHistory(shipment, timeline),
    timeZone: shopRow?.ianaTimezone ?? "UTC",
  };
}
