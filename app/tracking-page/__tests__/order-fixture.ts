import type { Db } from "~/db.server";

/** Builds shops and orders for the tracking page tests, straight into the database. */

export const SHOP = "tea-house.myshopify.com";
export const OTHER_SHOP = "rival-goods.myshopify.com";

export interface ParcelSpec {
  trackingNumber: string;
  carrier?: string | null;
  trackingUrl?: string | null;
  status: string;
  estimatedDeliveryAt?: Date | null;
  /** Scans of this parcel: [status, ISO time, message?, city?]. */
  events?: [string, string, string?, string?][];
}

export interface FulfillmentSpec {
  /** Line item indexes (into OrderSpec.items) and quantities shipped. */
  items: [number, number][];
  parcels: ParcelSpec[];
  status?: string;
  /** Shopify's fulfillment-wide events: [status, ISO time, message?]. */
  events?: [string, string, string?][];
}

export interface OrderSpec {
  number: string;
  name: string;
  email: string;
  locale?: string | null;
  items: { title: string; variantTitle?: string | null; quantity: number; productId?: string }[];
  fulfillments?: FulfillmentSpec[];
  cancelled?: boolean;
}

const at = new Date("2026-11-20T09:00:00Z");

/** An installed shop with optional raw settings JSON. */
export async function seedShopRow(prisma: Db, shop: string, settings: object = {}): Promise<void> {
  await prisma.shop.create({
    data: { shop, name: shop === SHOP ? "Tea House" : "Rival Goods", email: `help@${shop}`, ianaTimezone: "Europe/Berlin", currencyCode: "EUR", settings: JSON.stringify(settings) },
  });
}

/** An order with its items, fulfillments, parcels and events; returns its gid. */
export async function seedOrder(prisma: Db, shop: string, spec: OrderSpec): Promise<string> {
  const orderId = `gid://shopify/Order/${spec.number}`;
  await prisma.order.create({
    data: {
      shop,
      id: orderId,
      name: spec.name,
      email: spec.email,
      locale: spec.locale ?? null,
      processedAt: at,
      shopifyUpdatedAt: at,
      cancelledAt: spec.cancelled ? at : null,
    },
  });
  const lineItemIds = spec.items.map((_, index) => `gid://shopify/LineItem/${spec.number}${index}`);
  await prisma.lineItem.createMany({
    data: spec.items.map((item, index) => ({
      shop,
      id: lineItemIds[index]!,
      orderId,
      title: item.title,
      variantTitle: item.variantTitle ?? null,
      quantity: item.quantity,
      productId: item.productId ?? null,
    })),
  });
  for (const [fIndex, fulfillment] of (spec.fulfillments ?? []).entries()) {
    const fulfillmentId = `gid://shopify/Fulfillment/${spec.number}${fIndex}`;
    const createdAt = new Date(at.getTime() + (fIndex + 1) * 3600_000);
    await prisma.fulfillment.create({
      data: { shop, id: fulfillmentId, orderId, status: fulfillment.status ?? "success", shopifyCreatedAt: createdAt, shopifyUpdatedAt: createdAt },
    });
    await prisma.fulfillmentLineItem.createMany({
      data: fulfillment.items.map(([itemIndex, quantity]) => ({ shop, fulfillmentId, lineItemId: lineItemIds[itemIndex]!, quantity })),
    });
    for (const [eIndex, [status, time, message]] of (fulfillment.events ?? []).entries()) {
      await prisma.trackingEvent.create({
        data: { shop, fulfillmentId, source: "shopify", externalId: `${fulfillmentId}-${eIndex}`, status, happenedAt: new Date(time), message: message ?? null },
      });
    }
    for (const parcel of fulfillment.parcels) {
      const shipment = await prisma.shipment.create({
        data: {
          shop,
          orderId,
          fulfillmentId,
          trackingNumber: parcel.trackingNumber,
          carrier: parcel.carrier ?? null,
          trackingUrl: parcel.trackingUrl ?? null,
          status: parcel.status,
          statusAt: createdAt,
          estimatedDeliveryAt: parcel.estimatedDeliveryAt ?? null,
          deliveredAt: parcel.status === "delivered" ? createdAt : null,
          shippedAt: createdAt,
        },
      });
      for (const [eIndex, [status, time, message, city]] of (parcel.events ?? []).entries()) {
        await prisma.trackingEvent.create({
          data: {
            shop,
            shipmentId: shipment.id,
            source: "carrier",
            externalId: `${shipment.id}-${eIndex}`,
            status,
            happenedAt: new Date(time),
            message: message ?? null,
            city: city ?? null,
          },
        });
      }
    }
  }
  return orderId;
}

/** A split order: two fulfillments, the first in two parcels, with scans and an unshipped item. */
export const SPLIT_ORDER: OrderSpec = {
  number: "5001",
  name: "#5001",
  email: "Shopper@Example.com",
  items: [
    { title: "Sencha Tin", variantTitle: "100 g", quantity: 2, productId: "gid://shopify/Product/1" },
    { title: "Cast Iron Teapot", quantity: 1, productId: "gid://shopify/Product/2" },
    { title: "Bamboo Whisk", quantity: 1, productId: "gid://shopify/Product/3" },
  ],
  fulfillments: [
    {
      items: [[0, 2]],
      parcels: [
        {
          trackingNumber: "1Z999AA10123456784",
          carrier: "UPS",
          trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
          status: "in_transit",
          estimatedDeliveryAt: new Date("2026-11-24T12:00:00Z"),
          events: [
            ["picked_up", "2026-11-20T15:00:00Z", "Picked up by UPS", "Hamburg"],
            ["in_transit", "2026-11-21T08:30:00Z", "Departed facility", "Kassel"],
          ],
        },
        { trackingNumber: "1Z999AA10123456795", carrier: "UPS", status: "label_created" },
      ],
      events: [["label_created", "2026-11-20T10:00:00Z", "Label printed"]],
    },
    {
      items: [[1, 1]],
      parcels: [
        {
          trackingNumber: "9400111899223197428490",
          carrier: "USPS",
          trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223197428490",
          status: "delivered",
          events: [
            ["in_transit", "2026-11-21T07:00:00Z", "In transit", "Chicago"],
            ["out_for_delivery", "2026-11-22T06:00:00Z", "Out for delivery", "Chicago"],
            ["delivered", "2026-11-22T14:10:00Z", "Delivered, front door", "Chicago"],
          ],
        },
      ],
    },
  ],
};
