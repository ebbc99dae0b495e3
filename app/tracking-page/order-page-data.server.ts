import type { DbClient } from "~/db.server";
import { readPromisesOfOrder } from "~/delivery-estimates/live/promises.server";
import type { OrderPageRows } from "./view-model";

/**
 * Everything one order's page shows, in two rounds of indexed queries whatever the number of parcels:
 * the order with its items, fulfillments and shipments, then fulfillment items and both kinds of events
 * (a parcel's own scans, its fulfillment's events). Null when the shop has no such order.
 */
export async function loadOrderPageRows(client: DbClient, shop: string, orderId: string): Promise<OrderPageRows | null> {
  const [order, lineItems, fulfillments, shipments] = await Promise.all([
    client.order.findFirst({
      where: { shop, id: orderId, redactedAt: null },
      select: { id: true, name: true, locale: true, cancelledAt: true, processedAt: true, shippingCountry: true },
    }),
    client.lineItem.findMany({
      where: { shop, orderId },
      select: { id: true, productId: true, title: true, variantTitle: true, quantity: true, requiresShipping: true },
      orderBy: { id: "asc" },
    }),
    client.fulfillment.findMany({
      where: { shop, orderId },
      select: {
        id: true,
        status: true,
        shipmentStatus: true,
        trackingCompany: true,
        estimatedDeliveryAt: true,
        shopifyCreatedAt: true,
        shopifyUpdatedAt: true,
      },
    }),
    client.shipment.findMany({
      where: { shop, orderId },
      select: {
        id: true,
        fulfillmentId: true,
        trackingNumber: true,
        trackingUrl: true,
        carrier: true,
        service: true,
        status: true,
        statusAt: true,
        estimatedDeliveryAt: true,
        deliveredAt: true,
        shippedAt: true,
      },
    }),
  ]);
  if (!order) return null;
  const fulfillmentIds = fulfillments.map((fulfillment) => fulfillment.id);
  const eventFields = {
    id: true,
    shipmentId: true,
    fulfillmentId: true,
    status: true,
    happenedAt: true,
    message: true,
    city: true,
    province: true,
    country: true,
  } as const;
  const [fulfillmentLineItems, parcelEvents, fulfillmentEvents] = fulfillmentIds.length
    ? await Promise.all([
        client.fulfillmentLineItem.findMany({
          where: { shop, fulfillmentId: { in: fulfillmentIds } },
          select: { fulfillmentId: true, lineItemId: true, quantity: true },
        }),
        shipments.length
          ? client.trackingEvent.findMany({ where: { shop, shipmentId: { in: shipments.map((shipment) => shipment.id) } }, select: eventFields })
          : [],
        client.trackingEvent.findMany({ where: { shop, fulfillmentId: { in: fulfillmentIds }, shipmentId: null }, select: eventFields }),
      ])
    : [[], [], []];
  const promises = await readPromisesOfOrder(client, shop, order.id);
  return { order, lineItems, fulfillments, fulfillmentLineItems, shipments, events: [...parcelEvents, ...fulfillmentEvents], promises };
}
