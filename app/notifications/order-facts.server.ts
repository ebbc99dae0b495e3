import type { Db } from "~/db.server";
import type { Order, Shipment } from "~/generated/sqlite/client";
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

async function itemsOf(db: Db, shop: string, orderId: string, fulfillmentIds: string[]): Promise<OrderFacts["items"]> {
  const lineItems = await db.lineItem.findMany({ where: { shop, orderId }, orderBy: { id: "asc" } });
  const inParcels = fulfillmentIds.length
    ? await db.fulfillmentLineItem.findMany({ where: { shop, fulfillmentId: { in: fulfillmentIds } } })
    : [];
  const quantities = new Map<string, number>();
  for (const row of inParcels) quantities.set(row.lineItemId, (quantities.get(row.lineItemId) ?? 0) + row.quantity);
  const chosen = quantities.size ? lineItems.filter((item) => quantities.has(item.id)) : lineItems;
  // LineItem holds no image: Shopify's order webhooks carry none (the Admin API's LineItem.image could add it).
  return chosen.map((item) => ({ title: item.title, variantTitle: item.variantTitle, quantity: quantities.get(item.id) ?? item.quantity, imageUrl: null }));
}
