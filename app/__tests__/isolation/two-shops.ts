import { readFileSync } from "node:fs";
import { Session } from "@shopify/shopify-api";
import type { Db } from "~/db.server";
import { addressHash } from "~/notifications/keys.server";
import { sessionStorage } from "~/shopify.server";
import { connectCarrierSource } from "~/tracking/sources/carrier-source-settings.server";
import { tracker, trackerEvent, JOURNEY } from "~/tracking/sources/easypost/__tests__/easypost-samples";

/** Two installed shops holding rows with the same Shopify ids, so a look-up that forgets the shop finds the other's. */

export const SHOP_A = "alpha-isolation.myshopify.com";
export const SHOP_B = "bravo-isolation.myshopify.com";
/** Text only shop A's rows hold: it must never appear in anything shop B is shown. */
export const A_MARKER = "ALPHASECRET";

export const SAME = {
  customerId: "gid://shopify/Customer/501",
  orderId: "gid://shopify/Order/9001",
  orderName: "#9001",
  lineItemId: "gid://shopify/LineItem/90011",
  fulfillmentId: "gid://shopify/Fulfillment/9001",
  email: "same.shopper@example.com",
  phone: "+4915100000001",
} as const;

export const EASYPOST_SECRET = { [SHOP_A]: "alpha-easypost-secret-0001", [SHOP_B]: "bravo-easypost-secret-0002" } as const;

export interface SeededShop {
  shipmentId: string;
  messageId: string;
  webhookEventId: string;
  carrierUpdateId: string;
  trackingNumber: string;
  exceptionId: string;
  exceptionActionId: string;
  exceptionDigestId: string;
}

/** Seeds one shop's order, parcel, scan, sent SMS, unprocessed webhook and carrier update; `marker` tags its text. */
export async function seedShop(prisma: Db, shop: string, marker: string): Promise<SeededShop> {
  const at = new Date(Date.now() - 2 * 86_400_000);
  const trackingNumber = `${marker}TRK1`;
  await prisma.shop.create({ data: { shop, name: `${marker} Store`, email: `help@${shop}`, ianaTimezone: "Europe/Berlin", settings: JSON.stringify({ notifications: { smsEnabled: true } }) } });
  await sessionStorage.storeSession(new Session({ id: `offline_${shop}`, shop, state: "", isOnline: false, scope: "read_orders", accessToken: `shpat_${marker}` }));
  await connectCarrierSource(prisma, shop, { provider: "easypost", webhookSecret: EASYPOST_SECRET[shop as keyof typeof EASYPOST_SECRET] ?? "isolation-default-secret" });
  await prisma.customer.create({ data: { shop, id: SAME.customerId, email: SAME.email, phone: SAME.phone, firstName: `${marker}Zoe` } });
  await prisma.order.create({
    data: { shop, id: SAME.orderId, name: SAME.orderName, email: SAME.email, customerId: SAME.customerId, customerFirstName: `${marker}Zoe`, processedAt: at, shopifyUpdatedAt: at },
  });
  await prisma.lineItem.create({ data: { shop, id: SAME.lineItemId, orderId: SAME.orderId, title: `${marker} Teapot`, quantity: 1 } });
  await prisma.fulfillment.create({ data: { shop, id: SAME.fulfillmentId, orderId: SAME.orderId, status: "success", shopifyCreatedAt: at, shopifyUpdatedAt: at } });
  await prisma.fulfillmentLineItem.create({ data: { shop, fulfillmentId: SAME.fulfillmentId, lineItemId: SAME.lineItemId, quantity: 1 } });
  const shipment = await prisma.shipment.create({
    data: { shop, orderId: SAME.orderId, fulfillmentId: SAME.fulfillmentId, trackingNumber, carrier: `${marker}Carrier`, status: "in_transit", statusAt: at, shippedAt: at },
  });
  await prisma.trackingEvent.create({
    data: { shop, shipmentId: shipment.id, source: "carrier", externalId: `${marker}-scan-1`, status: "in_transit", happenedAt: at, message: `${marker} departed`, city: `${marker}City` },
  });
  const message = await prisma.notificationMessage.create({
    data: {
      shop,
      dedupeKey: `${marker}-shipped`,
      trigger: "shipped",
      channel: "sms",
      orderId: SAME.orderId,
      shipmentId: shipment.id,
      status: "sent",
      recipientHash: addressHash("sms", marker === A_MARKER ? SAME.phone : "+4915100000002"),
      occurredAt: at,
      sendAt: at,
      sentAt: at,
      subject: `${marker} subject`,
    },
  });
  await prisma.notificationTemplate.create({ data: { shop, trigger: "shipped", channel: "email", locale: "en", subject: `${marker} {orderName}` } });
  const webhookEvent = await prisma.webhookEvent.create({
    data: { shop, webhookId: `${marker}-webhook`, topic: "orders/cancelled", payload: JSON.stringify({ id: 9001, admin_graphql_api_id: SAME.orderId, cancelled_at: new Date().toISOString(), updated_at: new Date().toISOString() }) },
  });
  const carrierUpdate = await prisma.carrierUpdate.create({
    data: { shop, provider: "easypost", externalId: `${marker}-evt`, payload: JSON.stringify(trackerEvent(`${marker}-evt`, tracker(trackingNumber, JOURNEY))) },
  });
  const flag = await prisma.shipmentException.create({
    data: { shop, kind: "stalled", orderId: SAME.orderId, shipmentId: shipment.id, openKey: `${shipment.id}:stalled`, evidence: JSON.stringify({ lastScan: `${marker} departed` }), since: at, detectedAt: at },
  });
  const exceptionAction = await prisma.exceptionAction.create({ data: { shop, exceptionId: flag.id, action: "tag_order", requestedBy: "auto", result: `${marker}-tag` } });
  const digest = await prisma.exceptionDigest.create({ data: { shop, period: "2026-11-01", since: at, until: at, error: `${marker} digest` } });
  return {
    shipmentId: shipment.id,
    messageId: message.id,
    webhookEventId: webhookEvent.id,
    carrierUpdateId: carrierUpdate.id,
    trackingNumber,
    exceptionId: flag.id,
    exceptionActionId: exceptionAction.id,
    exceptionDigestId: digest.id,
  };
}

/** Every model with a `shop` column, read from the schema so a new table is covered without editing this file. */
export function shopScopedModels(): string[] {
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  return [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)]
    .filter(([, , body]) => /^\s+shop\s+String\b/m.test(body!))
    .map(([, name]) => name!.charAt(0).toLowerCase() + name!.slice(1));
}

/** All of `shop`'s rows in every shop-scoped table, canonically ordered: equal snapshots mean nothing changed. */
export async function snapshotShop(prisma: Db, shop: string): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const model of shopScopedModels()) {
    const delegate = (prisma as unknown as Record<string, { findMany(args: object): Promise<object[]> }>)[model]!;
    snapshot[model] = (await delegate.findMany({ where: { shop } })).map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}
