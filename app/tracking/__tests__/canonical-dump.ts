import type { Db } from "~/db.server";
import { applyRefundWebhook } from "~/orders/refunds.server";
import { applyOrderWebhook } from "~/orders/sync.server";
import { applyFulfillmentEventWebhook } from "../fulfillment-events.server";
import { applyFulfillmentWebhook } from "../fulfillments.server";
import type { Delivery } from "./split-shipment-scenario";

const APPLY = {
  "orders/updated": applyOrderWebhook,
  "fulfillments/update": applyFulfillmentWebhook,
  "fulfillment_events/create": applyFulfillmentEventWebhook,
  "refunds/create": applyRefundWebhook,
} as const;

/** Applies webhook deliveries one after the other, as the worker would. */
export async function deliver(prisma: Db, shop: string, deliveries: readonly Delivery[]): Promise<void> {
  for (const delivery of deliveries) await APPLY[delivery.topic](prisma, shop, delivery.payload);
}

const volatile = { shop: true, createdAt: true, updatedAt: true } as const;

/**
 * Every synced row of a shop, without what differs between equal states (generated ids, our own
 * timestamps), in a stable order: two equal states give equal dumps.
 */
export async function canonicalDump(prisma: Db, shop: string) {
  const where = { shop };
  return {
    orders: await prisma.order.findMany({ where, omit: volatile, orderBy: { id: "asc" } }),
    lineItems: await prisma.lineItem.findMany({ where, omit: { shop: true }, orderBy: { id: "asc" } }),
    shippingLines: await prisma.shippingLine.findMany({ where, omit: { shop: true }, orderBy: { id: "asc" } }),
    customers: await prisma.customer.findMany({ where, omit: volatile, orderBy: { id: "asc" } }),
    fulfillments: await prisma.fulfillment.findMany({ where, omit: volatile, orderBy: { id: "asc" } }),
    fulfillmentLineItems: await prisma.fulfillmentLineItem.findMany({
      where,
      omit: { shop: true },
      orderBy: [{ fulfillmentId: "asc" }, { lineItemId: "asc" }],
    }),
    shipments: await prisma.shipment.findMany({
      where,
      omit: { ...volatile, id: true },
      orderBy: [{ fulfillmentId: "asc" }, { trackingNumber: "asc" }],
    }),
    trackingEvents: await prisma.trackingEvent.findMany({
      where,
      omit: { shop: true, id: true, createdAt: true },
      orderBy: [{ source: "asc" }, { externalId: "asc" }],
    }),
    refunds: await prisma.refund.findMany({ where, omit: { shop: true, createdAt: true }, orderBy: { id: "asc" } }),
  };
}
