import type { Db } from "../../app/db.server";
import { connectCarrierSource } from "../../app/tracking/sources/carrier-source-settings.server";

export const SHOP = "bench-notify.myshopify.com";
export const EASYPOST_SECRET = "bench-notify-easypost-secret";

/** The shopper of parcel `index`: one address per parcel, so each accepted email names its event. */
export const shopperAddress = (index: number) => `shopper-${index}@bench.test`;
/** Parcel `index`'s USPS-style tracking number. */
export const trackingCode = (index: number) => `9400100000000${String(index).padStart(9, "0")}`;

/** An installed shop with `count` orders of one labelled parcel each, every shopper with their own address. */
export async function seedParcels(client: Db, count: number): Promise<void> {
  const at = new Date(Date.now() - 86_400_000);
  await client.shop.create({ data: { shop: SHOP, name: "Bench Outfitters", email: "owner@bench.test", ianaTimezone: "UTC" } });
  // Shipping emails go out at once: no coalescing hold, no quiet hours (out for delivery is not held anyway).
  await client.notificationSettings.create({ data: { shop: SHOP, document: JSON.stringify({ coalesceMinutes: 0, quietHours: { enabled: false } }) } });
  await connectCarrierSource(client, SHOP, { provider: "easypost", webhookSecret: EASYPOST_SECRET });
  const batch = 2_000;
  for (let first = 0; first < count; first += batch) {
    const indexes = Array.from({ length: Math.min(batch, count - first) }, (_, offset) => first + offset);
    const orderId = (index: number) => `gid://shopify/Order/${9_000_000_000_000 + index}`;
    const fulfillmentId = (index: number) => `gid://shopify/Fulfillment/${8_000_000_000_000 + index}`;
    await client.order.createMany({
      data: indexes.map((index) => ({ shop: SHOP, id: orderId(index), name: `#N${index}`, email: shopperAddress(index), customerFirstName: "Sam", locale: "en", shippingCountry: "US", processedAt: at, shopifyUpdatedAt: at })),
    });
    await client.fulfillment.createMany({
      data: indexes.map((index) => ({ shop: SHOP, id: fulfillmentId(index), orderId: orderId(index), status: "success", trackingCompany: "USPS", shopifyCreatedAt: at, shopifyUpdatedAt: at })),
    });
    await client.shipment.createMany({
      data: indexes.map((index) => ({
        shop: SHOP,
        orderId: orderId(index),
        fulfillmentId: fulfillmentId(index),
        trackingNumber: trackingCode(index),
        trackingKey: trackingCode(index),
        carrier: "usps",
        status: "in_transit",
        statusAt: at,
        shippedAt: at,
        lastEventAt: at,
      })),
    });
  }
}
