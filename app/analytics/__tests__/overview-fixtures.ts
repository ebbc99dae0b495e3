import type { DbClient } from "~/db.server";

/** Seeds rows the overview reads, with only the fields a test cares about spelled out. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant `days` (fractional allowed) before `now`. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export function orderGid(number: number): string {
  return `gid://shopify/Order/${number}`;
}

export async function seedOrder(
  client: DbClient,
  shop: string,
  number: number,
  fields: { processedAt: Date; fulfillmentStatus?: string | null; cancelledAt?: Date | null; name?: string },
): Promise<void> {
  await client.order.create({
    data: {
      shop,
      id: orderGid(number),
      name: fields.name ?? `#${number}`,
      processedAt: fields.processedAt,
      shopifyUpdatedAt: fields.processedAt,
      fulfillmentStatus: fields.fulfillmentStatus ?? null,
      cancelledAt: fields.cancelledAt ?? null,
    },
  });
}

let trackingSequence = 0;

export async function seedShipment(
  client: DbClient,
  shop: string,
  orderNumber: number,
  fields: { status: string; statusAt: Date; lastEventAt?: Date | null; trackingNumber?: string },
): Promise<string> {
  trackingSequence += 1;
  const shipment = await client.shipment.create({
    data: {
      shop,
      orderId: orderGid(orderNumber),
      fulfillmentId: `gid://shopify/Fulfillment/${orderNumber}`,
      trackingNumber: fields.trackingNumber ?? `TRK${trackingSequence}`,
      carrier: "UPS",
      status: fields.status,
      statusAt: fields.statusAt,
      lastEventAt: fields.lastEventAt ?? null,
    },
  });
  return shipment.id;
}

let webhookSequence = 0;

export async function seedWebhookEvent(client: DbClient, shop: string, fields: { status: string; receivedAt: Date }): Promise<void> {
  webhookSequence += 1;
  await client.webhookEvent.create({
    data: { shop, webhookId: `wh-${webhookSequence}`, topic: "orders/updated", payload: "{}", ...fields },
  });
}

export async function seedJob(client: DbClient, shop: string, status: string): Promise<void> {
  await client.job.create({ data: { shop, name: "orders.sync", status } });
}
