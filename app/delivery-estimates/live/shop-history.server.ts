import { inChunks } from "~/db/in-chunks";
import type { DbClient } from "~/db.server";
import type { ShipmentHistory } from "../replay";
import { historyOfObservation, orderForEstimateSelect, shipmentFactsOf, type Observation } from "./shipment-facts";

/** A parcel without news for this long is lost, not in flight: it would count as waiting forever. */
const IN_FLIGHT_HORIZON_DAYS = 60;
/**
 * Deliveries older than this are not replayed: lanes halve in weight every 90 days, so a year back weighs 1/16,
 * and a rebuild's cost grows with every shipment it replays.
 */
export const HISTORY_DAYS = 365;
/** An order still unshipped after this long is stuck (or fulfilled outside the app), not being handled. */
const UNSHIPPED_HORIZON_DAYS = 30;
const DAY_MS = 86_400_000;
const SETTLED_STATUSES = ["delivered", "returned_to_sender", "cancelled"];

/** The key an order not yet shipped is followed by: its parcels get their own ids once they exist. */
export const unshippedKey = (orderId: string) => `order:${orderId}`;

export const observationSelect = {
  shipmentId: true,
  originId: true,
  originCountry: true,
  originRegion: true,
  destinationCountry: true,
  destinationRegion: true,
  destinationPostalPrefix: true,
  carrier: true,
  service: true,
  placedAt: true,
  handedOffAt: true,
  deliveredAt: true,
  createdAt: true,
} as const;

export type StoredObservation = Observation & { createdAt: Date };

/** Everything the shop's estimator is rebuilt from: delivered parcels, parcels in flight, orders not yet shipped. */
export interface ShopHistory {
  histories: ShipmentHistory[];
  delivered: StoredObservation[];
  /** Shipment ids replayed as still in flight: when they land, only their delivery is news. */
  inFlight: Set<string>;
}

export async function loadShopHistory(client: DbClient, shop: string, now: Date): Promise<ShopHistory> {
  const delivered = await client.deliveryObservation.findMany({
    where: { shop, deliveredAt: { gte: new Date(now.getTime() - HISTORY_DAYS * DAY_MS) } },
    select: observationSelect,
    orderBy: [{ deliveredAt: "asc" }, { shipmentId: "asc" }],
  });
  const deliveredIds = new Set(delivered.map((row) => row.shipmentId));
  const moving = (await parcelsInFlight(client, shop, now)).filter((history) => !deliveredIds.has(history.shipmentId));
  const waiting = await ordersNotShipped(client, shop, now);
  return {
    histories: [...delivered.map(historyOfObservation), ...moving, ...waiting],
    delivered,
    inFlight: new Set(moving.map((history) => history.shipmentId)),
  };
}

/** Parcels handed off and not yet settled, with news in the horizon. */
async function parcelsInFlight(client: DbClient, shop: string, now: Date): Promise<ShipmentHistory[]> {
  const shipments = await client.shipment.findMany({
    where: { shop, status: { notIn: SETTLED_STATUSES }, deliveredAt: null, statusAt: { gte: new Date(now.getTime() - IN_FLIGHT_HORIZON_DAYS * DAY_MS) } },
    select: { id: true, orderId: true, fulfillmentId: true, carrier: true, service: true, shippedAt: true },
  });
  if (!shipments.length) return [];
  const [fulfillments, orders] = await Promise.all([
    inChunks([...new Set(shipments.map((shipment) => shipment.fulfillmentId))], (ids) =>
      client.fulfillment.findMany({ where: { shop, id: { in: ids } }, select: { id: true, locationId: true, service: true, shopifyCreatedAt: true } }),
    ),
    inChunks([...new Set(shipments.map((shipment) => shipment.orderId))], (ids) => client.order.findMany({ where: { shop, id: { in: ids } }, select: orderForEstimateSelect })),
  ]);
  const fulfillmentOf = new Map(fulfillments.map((row) => [row.id, row]));
  const orderOf = new Map(orders.map((row) => [row.id, row]));
  return shipments.flatMap((shipment) => {
    const fulfillment = fulfillmentOf.get(shipment.fulfillmentId);
    const order = orderOf.get(shipment.orderId);
    if (!fulfillment || !order || order.cancelledAt) return [];
    const facts = shipmentFactsOf(order, { locationId: fulfillment.locationId, carrier: shipment.carrier, service: shipment.service ?? fulfillment.service });
    if (!facts) return [];
    const shippedAt = shipment.shippedAt ?? fulfillment.shopifyCreatedAt;
    const handedOffAt = shippedAt < order.processedAt ? order.processedAt : shippedAt;
    return [{ shipmentId: shipment.id, facts, placedAt: order.processedAt, handedOffAt, deliveredAt: null }];
  });
}

/** Orders of the horizon with nothing fulfilled yet: their handling is under way. */
async function ordersNotShipped(client: DbClient, shop: string, now: Date): Promise<ShipmentHistory[]> {
  const orders = await client.order.findMany({ where: { shop, cancelledAt: null, processedAt: { gte: new Date(now.getTime() - UNSHIPPED_HORIZON_DAYS * DAY_MS) } }, select: orderForEstimateSelect });
  if (!orders.length) return [];
  const fulfilled = new Set(
    (await inChunks(orders.map((order) => order.id), (ids) => client.fulfillment.findMany({ where: { shop, orderId: { in: ids } }, select: { orderId: true } }))).map(
      (row) => row.orderId,
    ),
  );
  return orders.flatMap((order) => {
    const facts = fulfilled.has(order.id) ? null : shipmentFactsOf(order, null);
    return facts ? [{ shipmentId: unshippedKey(order.id), facts, placedAt: order.processedAt, handedOffAt: null, deliveredAt: null }] : [];
  });
}
