import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import type { ShipmentStatus } from "~/tracking/status";

/** A shop domain no other test uses. */
export function freshShop(): string {
  return `notify-${randomUUID().slice(0, 8)}.myshopify.com`;
}

export interface OrderFixture {
  shop: string;
  orderId: string;
  fulfillmentId: string;
  shipmentIds: string[];
}

export interface OrderFixtureOptions {
  email?: string | null;
  phone?: string | null;
  /** The order's own phone (checkout contact for its updates); defaults to `phone`. */
  orderPhone?: string | null;
  locale?: string | null;
  shippingCountry?: string | null;
  shopTimeZone?: string | null;
  /** Parcels (tracking numbers) in the order's one fulfillment. */
  parcels?: number;
  smsConsent?: string | null;
  processedAt?: Date;
  settings?: Record<string, unknown>;
}

/**
 * An installed shop with one order by "Zoë", its line items, one fulfillment and `parcels` shipments (default one),
 * each labelled: the world a notification is about.
 */
export async function seedOrder(prisma: Db, shop: string, options: OrderFixtureOptions = {}): Promise<OrderFixture> {
  const suffix = randomUUID().slice(0, 8);
  const orderId = `gid://shopify/Order/${BigInt(`0x${suffix}`)}`;
  const fulfillmentId = `gid://shopify/Fulfillment/${BigInt(`0x${suffix}`)}`;
  const customerId = `gid://shopify/Customer/${BigInt(`0x${suffix}`)}`;
  const processedAt = options.processedAt ?? new Date();
  await prisma.shop.upsert({
    where: { shop },
    create: { shop, name: "Tea & Co", ianaTimezone: options.shopTimeZone ?? "Europe/Berlin", settings: JSON.stringify(options.settings ?? {}) },
    update: {},
  });
  await prisma.customer.create({
    data: { shop, id: customerId, email: options.email ?? "zoe@example.com", phone: options.phone ?? null, firstName: "Zoë", smsConsent: options.smsConsent ?? null },
  });
  await prisma.order.create({
    data: {
      shop,
      id: orderId,
      name: "#1042",
      email: options.email === undefined ? "zoe@example.com" : options.email,
      phone: options.orderPhone === undefined ? (options.phone ?? null) : options.orderPhone,
      customerId,
      customerFirstName: "Zoë",
      locale: options.locale === undefined ? "en" : options.locale,
      shippingCountry: options.shippingCountry === undefined ? "DE" : options.shippingCountry,
      processedAt,
      shopifyUpdatedAt: processedAt,
    },
  });
  await prisma.lineItem.createMany({
    data: [
      { shop, id: `${orderId}-li-1`, orderId, title: "Sencha <green> tea", variantTitle: "250 g", quantity: 2 },
      { shop, id: `${orderId}-li-2`, orderId, title: "Teapot", quantity: 1 },
    ],
  });
  await prisma.fulfillment.create({
    data: { shop, id: fulfillmentId, orderId, status: "success", trackingCompany: "DHL", shopifyCreatedAt: processedAt, shopifyUpdatedAt: processedAt },
  });
  const shipmentIds: string[] = [];
  for (let index = 0; index < (options.parcels ?? 1); index++) {
    const shipment = await prisma.shipment.create({
      data: {
        shop,
        orderId,
        fulfillmentId,
        trackingNumber: `JD0146000033${suffix}${index}`,
        carrier: "dhl",
        trackingUrl: `https://www.dhl.com/track?n=${index}`,
        status: "label_created",
        statusAt: processedAt,
        estimatedDeliveryAt: new Date(processedAt.getTime() + 3 * 24 * 3600_000),
      },
    });
    shipmentIds.push(shipment.id);
  }
  return { shop, orderId, fulfillmentId, shipmentIds };
}

/** Moves a shipment to `status` the way tracking does, so send-time checks see the current state. */
export function setShipmentStatus(prisma: Db, shop: string, shipmentId: string, status: ShipmentStatus, at = new Date()) {
  return prisma.shipment.updateMany({ where: { shop, id: shipmentId }, data: { status, statusAt: at } });
}

/** The shop's outbox, oldest first. */
export function outbox(prisma: Db, shop: string) {
  return prisma.notificationMessage.findMany({ where: { shop }, orderBy: [{ createdAt: "asc" }, { dedupeKey: "asc" }] });
}

/** The shop's queued send jobs. */
export function sendJobs(prisma: Db, shop: string) {
  return prisma.job.findMany({ where: { shop, name: "notifications.send" } });
}
