import type { DbClient } from "~/db.server";
import { readPromisesOfOrder } from "~/delivery-estimates/live/promises.server";
import { promiseToShow } from "~/delivery-estimates/live/order-promises";
import { NotFoundError } from "~/errors";
import { carrierDisplayName } from "~/tracking/carriers/carrier-registry";
import { formatLocation, TIMELINE_LIMIT, type OrderStatusView } from "./order-status";
import { joinItems } from "./parcel-items";
import { findTimelines } from "./timeline.server";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * A customer's own order as the order-status block shows it. The order must belong to `customerId` in
 * `shop`; any other order (another customer's, another shop's, unknown) is the same NotFoundError.
 */
export async function getCustomerOrderStatus(
  client: DbClient,
  { shop, customerId, orderId }: { shop: string; customerId: string; orderId: string },
): Promise<OrderStatusView> {
  const order = await client.order.findFirst({
    where: { shop, id: orderId, customerId, redactedAt: null },
    select: { id: true, name: true, cancelledAt: true },
  });
  if (!order) throw new NotFoundError("Order", orderId);
  const shipments = await client.shipment.findMany({
    where: { shop, orderId: order.id },
    orderBy: [{ shippedAt: "asc" }, { id: "asc" }],
  });
  const fulfillmentIds = [...new Set(shipments.map((shipment) => shipment.fulfillmentId))];
  const [timelines, fulfilledItems, promises] = await Promise.all([
    findTimelines(client, shop, shipments),
    client.fulfillmentLineItem.findMany({ where: { shop, fulfillmentId: { in: fulfillmentIds } } }),
    readPromisesOfOrder(client, shop, order.id),
  ]);
  const lineItems = await client.lineItem.findMany({
    where: { shop, id: { in: [...new Set(fulfilledItems.map((item) => item.lineItemId))] } },
    select: { id: true, title: true, variantTitle: true, sku: true },
  });
  return {
    order: { id: order.id, name: order.name, cancelled: order.cancelledAt !== null, promise: shipments.length || order.cancelledAt ? null : promiseToShow(promises, null) },
    parcels: shipments.map((shipment) => ({
      id: shipment.id,
      trackingNumber: shipment.trackingNumber,
      carrier: shipment.carrier ? carrierDisplayName(shipment.carrier) : null,
      trackingUrl: shipment.trackingUrl,
      status: shipment.status,
      statusAt: shipment.statusAt.toISOString(),
      estimatedDeliveryAt: iso(shipment.estimatedDeliveryAt),
      promise: promiseToShow(promises, shipment),
      deliveredAt: iso(shipment.deliveredAt),
      items: joinItems(
        fulfilledItems.filter((item) => item.fulfillmentId === shipment.fulfillmentId),
        lineItems,
      ).map(({ title, variantTitle, quantity }) => ({ title, variantTitle, quantity })),
      events: (timelines.get(shipment.id) ?? []).slice(0, TIMELINE_LIMIT).map((event) => ({
        status: event.status,
        happenedAt: event.happenedAt.toISOString(),
        message: event.message,
        location: formatLocation(event),
      })),
    })),
  };
}
