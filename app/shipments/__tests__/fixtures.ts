import type { DbClient } from "~/db.server";

/** Seeds orders, fulfillments, parcels and events with only the fields a shipments test cares about spelled out. */

export const ALPHA = "alpha.myshopify.com";
export const BETA = "beta.myshopify.com";

export const at = (iso: string) => new Date(iso);

export async function seedOrder(
  client: DbClient,
  shop: string,
  number: number,
  fields: { customerId?: string | null; name?: string; processedAt?: Date } = {},
): Promise<string> {
  const id = `gid://shopify/Order/${number}`;
  const processedAt = fields.processedAt ?? at("2026-03-01T10:00:00Z");
  await client.order.create({
    data: { shop, id, name: fields.name ?? `#${number}`, customerId: fields.customerId ?? null, processedAt, shopifyUpdatedAt: processedAt },
  });
  return id;
}

export async function seedFulfillment(
  client: DbClient,
  shop: string,
  orderId: string,
  number: number,
  items: Array<{ lineItem: number; title: string; quantity: number; variantTitle?: string }> = [],
): Promise<string> {
  const id = `gid://shopify/Fulfillment/${number}`;
  const createdAt = at("2026-03-02T10:00:00Z");
  await client.fulfillment.create({ data: { shop, id, orderId, status: "success", shopifyCreatedAt: createdAt, shopifyUpdatedAt: createdAt } });
  for (const item of items) {
    const lineItemId = `gid://shopify/LineItem/${item.lineItem}`;
    await client.lineItem.upsert({
      where: { shop_id: { shop, id: lineItemId } },
      create: { shop, id: lineItemId, orderId, title: item.title, variantTitle: item.variantTitle ?? null, quantity: item.quantity },
      update: {},
    });
    await client.fulfillmentLineItem.create({ data: { shop, fulfillmentId: id, lineItemId, quantity: item.quantity } });
  }
  return id;
}

export interface ShipmentFields {
  orderId: string;
  fulfillmentId: string;
  trackingNumber: string;
  status?: string;
  statusAt?: Date;
  carrier?: string | null;
  trackingUrl?: string | null;
  shippedAt?: Date | null;
  lastEventAt?: Date | null;
  estimatedDeliveryAt?: Date | null;
  deliveredAt?: Date | null;
}

export async function seedShipment(client: DbClient, shop: string, fields: ShipmentFields): Promise<string> {
  const shipment = await client.shipment.create({
    data: {
      shop,
      status: "in_transit",
      statusAt: fields.lastEventAt ?? at("2026-03-02T10:00:00Z"),
      carrier: "UPS",
      shippedAt: at("2026-03-02T10:00:00Z"),
      ...fields,
    },
  });
  return shipment.id;
}

let eventSequence = 0;

export async function seedEvent(
  client: DbClient,
  shop: string,
  fields: {
    status: string;
    happenedAt: Date;
    shipmentId?: string | null;
    fulfillmentId?: string | null;
    source?: string;
    message?: string | null;
    city?: string | null;
    country?: string | null;
  },
): Promise<void> {
  eventSequence += 1;
  await client.trackingEvent.create({
    data: { shop, source: fields.source ?? "shopify", externalId: `ev-${eventSequence}`, shipmentId: null, fulfillmentId: null, ...fields },
  });
}
