import type { DbClient } from "~/db.server";
import { predictedLate } from "~/delivery-estimates/live/order-promises";
import { readOrderPromises } from "~/delivery-estimates/live/promises.server";
import { shipmentStatusSchema } from "~/tracking/status";
import type { ShipmentFacts, UnshippedOrderFacts } from "./detect";

/** Orders older than this are no longer watched for a missed handling time (a stale backlog is not news). */
export const UNFULFILLED_WATCH_DAYS = 30;

/**
 * The shop's parcels to the shopper that can still go wrong (not delivered or cancelled), returned ones included.
 * Return labels' parcels are the shopper's own doing and are followed by their return, not flagged as late deliveries.
 */
export async function loadWatchedShipments(client: DbClient, shop: string): Promise<ShipmentFacts[]> {
  const rows = await client.shipment.findMany({
    where: { shop, kind: "outbound", status: { notIn: ["delivered", "cancelled"] } },
    select: { id: true, orderId: true, trackingNumber: true, status: true, statusAt: true, lastEventAt: true, shippedAt: true, estimatedDeliveryAt: true },
  });
  const promises = await readOrderPromises(client, shop, [...new Set(rows.map((row) => row.orderId))]);
  return rows.flatMap((row) => {
    const status = shipmentStatusSchema.safeParse(row.status);
    const orderPromises = promises.get(row.orderId);
    return status.success ? [{ ...row, status: status.data, predictedLate: orderPromises ? predictedLate(orderPromises, row.id) : null }] : [];
  });
}

/** The shop's recent open orders that have no fulfillment yet. */
export async function loadUnshippedOrders(client: DbClient, shop: string, now: Date): Promise<UnshippedOrderFacts[]> {
  const orders = await client.order.findMany({
    where: {
      shop,
      fulfillmentStatus: "unfulfilled",
      cancelledAt: null,
      closedAt: null,
      redactedAt: null,
      processedAt: { gte: new Date(now.getTime() - UNFULFILLED_WATCH_DAYS * 86_400_000) },
    },
    select: { id: true, name: true, processedAt: true },
  });
  if (!orders.length) return [];
  const fulfilled = await client.fulfillment.findMany({
    where: { shop, orderId: { in: orders.map((order) => order.id) }, status: { not: "cancelled" } },
    select: { orderId: true },
  });
  const withFulfillment = new Set(fulfilled.map((row) => row.orderId));
  return orders.filter((order) => !withFulfillment.has(order.id));
}
