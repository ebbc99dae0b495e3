import type { Db } from "~/db.server";
import { Prisma, type Order, type Shipment } from "~/generated/sqlite/client";
import { shipmentStatusSchema, type ShipmentStatus } from "~/tracking/status";
import type { ContactFacts } from "./recipient";

/** The order world a message is about, read at send time. */
export interface OrderFacts {
  order: Order;
  contact: ContactFacts;
  customerLocale: string | null;
  shipments: Shipment[];
  items: { title: string; variantTitle: string | null; quantity: number; imageUrl: string | null }[];
}

/** Reads the order, its customer, the named shipments and the items they carry (all of the order's when none). */
export async function loadOrderFacts(db: Db, shop: string, orderId: string, shipmentIds: readonly string[]): Promise<OrderFacts | null> {
  const order = await db.order.findUnique({ where: { shop_id: { shop, id: orderId } } });
  if (!order) return null;
  const customer = order.customerId
    ? await db.customer.findUnique({ where: { shop_id: { shop, id: order.customerId } }, select: { email: true, phone: true, locale: true, smsConsent: true } })
    : null;
  const shipments = shipmentIds.length
    ? await db.shipment.findMany({ where: { shop, orderId, id: { in: [...shipmentIds] } }, orderBy: { trackingNumber: "asc" } })
    : [];
  return {
    order,
    contact: {
      orderEmail: order.email,
      orderPhone: order.phone,
      customerEmail: customer?.email ?? null,
      customerPhone: customer?.phone ?? null,
      smsConsent: customer?.smsConsent ?? null,
      shippingCountry: order.shippingCountry,
    },
    customerLocale: customer?.locale ?? null,
    shipments,
    items: await itemsOf(db, shop, orderId, [...new Set(shipments.map((shipment) => shipment.fulfillmentId))]),
  };
}

/** Every shipment of the fulfillments `shipments` belong to ("shipped" is about the whole fulfillment). */
export function fulfillmentShipments(db: Db, shop: string, orderId: string, shipments: readonly Shipment[]) {
  return db.shipment.findMany({
    where: { shop, orderId, fulfillmentId: { in: [...new Set(shipments.map((shipment) => shipment.fulfillmentId))] } },
    orderBy: { trackingNumber: "asc" },
  });
}

/** A stored status read back as ours (unknown text reads as in transit, the least assertive). */
export function currentStatus(shipment: Shipment): ShipmentStatus {
  const parsed = shipmentStatusSchema.safeParse(shipment.status);
  return parsed.success ? parsed.data : "in_transit";
}

/**
 * The order's lines with the quantities the parcels' fulfillments carry, in one query (a message's items are read
 * for every send): only the lines in those fulfillments when any is, else every line of the order.
 */
async function itemsOf(db: Db, shop: string, orderId: string, fulfillmentIds: string[]): Promise<OrderFacts["items"]> {
  const inFulfillments = fulfillmentIds.length ? Prisma.sql`IN (${Prisma.join(fulfillmentIds)})` : Prisma.sql`IS NULL`;
  const lines = await db.$queryRaw<{ title: string; variantTitle: string | null; quantity: number; inParcels: number | null }[]>`
    SELECT li."title", li."variantTitle", li."quantity", CAST(SUM(fli."quantity") AS INTEGER) AS "inParcels"
    FROM "LineItem" li
    LEFT JOIN "FulfillmentLineItem" fli ON fli."shop" = li."shop" AND fli."lineItemId" = li."id" AND fli."fulfillmentId" ${inFulfillments}
    WHERE li."shop" = ${shop} AND li."orderId" = ${orderId}
    GROUP BY li."id", li."title", li."variantTitle", li."quantity"
    ORDER BY li."id"`;
  const inParcels = lines.filter((line) => line.inParcels !== null);
  const chosen = inParcels.length ? inParcels : lines;
  // LineItem holds no image: Shopify's order webhooks carry none (the Admin API's LineItem.image could add it).
  return chosen.map((line) => ({ title: line.title, variantTitle: line.variantTitle, quantity: Number(line.inParcels ?? line.quantity), imageUrl: null }));
}
