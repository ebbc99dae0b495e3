import { randomUUID } from "node:crypto";
import { inChunks } from "~/db/in-chunks";
import type { DbClient } from "~/db.server";
import { shipmentStatusSchema } from "~/tracking/status";
import { orderPromises, type OrderPromises, type StoredPromise } from "./order-promises";
import { planPromises, type PlannedParcel } from "./promise-plan";
import { observationOf, orderForEstimateSelect, shipmentFactsOf, type OrderForEstimate } from "./shipment-facts";
import { shopEstimator } from "./shop-estimator.server";

export interface PromiseRefresh {
  /** Delivered parcels newly added to the shop's history. */
  learned: number;
  /** Promises newly stored. */
  made: number;
}

export type OrderToRefresh = OrderForEstimate & { cancelledAt: Date | null };

/** One order with its parcels, as refreshing its promises reads them. */
async function loadOrder(client: DbClient, shop: string, orderId: string) {
  const order = await client.order.findUnique({ where: { shop_id: { shop, id: orderId } }, select: orderForEstimateSelect });
  return order ? { order, parcels: await loadParcels(client, shop, orderId) } : null;
}

/** The order's parcels with their fulfillments' origin and hand-off, as planning promises reads them. */
async function loadParcels(client: DbClient, shop: string, orderId: string) {
  const [shipments, fulfillments] = await Promise.all([
    client.shipment.findMany({
      where: { shop, orderId },
      select: { id: true, fulfillmentId: true, carrier: true, service: true, status: true, statusAt: true, shippedAt: true, deliveredAt: true },
    }),
    client.fulfillment.findMany({ where: { shop, orderId }, select: { id: true, locationId: true, service: true, shopifyCreatedAt: true } }),
  ]);
  const fulfillmentOf = new Map(fulfillments.map((fulfillment) => [fulfillment.id, fulfillment]));
  return shipments.flatMap((shipment) => {
    const status = shipmentStatusSchema.safeParse(shipment.status);
    const fulfillment = fulfillmentOf.get(shipment.fulfillmentId);
    if (!status.success || !fulfillment) return [];
    const parcel: PlannedParcel & { deliveredAt: Date | null } = {
      shipmentId: shipment.id,
      locationId: fulfillment.locationId,
      carrier: shipment.carrier,
      service: shipment.service ?? fulfillment.service,
      handedOffAt: shipment.shippedAt ?? fulfillment.shopifyCreatedAt,
      status: status.data,
      statusAt: shipment.statusAt,
      deliveredAt: shipment.deliveredAt,
    };
    return [parcel];
  });
}

/** Stores the order's delivered parcels in the shop's delivery history (once each); returns how many were new. */
async function recordDeliveries(client: DbClient, shop: string, order: OrderForEstimate, parcels: readonly (PlannedParcel & { deliveredAt: Date | null })[]): Promise<number> {
  let learned = 0;
  for (const parcel of parcels) {
    if (parcel.status !== "delivered" || !parcel.deliveredAt) continue;
    const facts = shipmentFactsOf(order, parcel);
    if (!facts) continue;
    const observation = observationOf(facts, { shipmentId: parcel.shipmentId, placedAt: order.processedAt, handedOffAt: parcel.handedOffAt, deliveredAt: parcel.deliveredAt });
    const inserted = await client.$executeRaw`
      INSERT INTO "DeliveryObservation" ("shop", "shipmentId", "orderId", "originId", "originCountry", "originRegion", "destinationCountry", "destinationRegion",
        "destinationPostalPrefix", "carrier", "service", "placedAt", "handedOffAt", "deliveredAt", "createdAt")
      VALUES (${shop}, ${observation.shipmentId}, ${order.id}, ${observation.originId}, ${observation.originCountry}, ${observation.originRegion},
        ${observation.destinationCountry}, ${observation.destinationRegion}, ${observation.destinationPostalPrefix}, ${observation.carrier}, ${observation.service},
        ${observation.placedAt}, ${observation.handedOffAt}, ${observation.deliveredAt}, ${new Date()})
      ON CONFLICT ("shop", "shipmentId") DO NOTHING`;
    learned += inserted;
  }
  return learned;
}

/** Adds the order's delivered parcels to the shop's delivery history (once each), without making promises; returns how many were new. */
export async function learnFromOrder(client: DbClient, shop: string, orderId: string): Promise<number> {
  const loaded = await loadOrder(client, shop, orderId);
  return loaded ? recordDeliveries(client, shop, loaded.order, loaded.parcels) : 0;
}

/**
 * Brings one order's delivery promises up to date at `now`: its newly delivered parcels join the shop's history
 * (the estimator learns from them), then every promise the order still needs is made and stored. Idempotent:
 * each promise has a unique basis and, once stored, never changes.
 */
export async function refreshOrderPromises(client: DbClient, shop: string, orderId: string, options: { now?: Date } = {}): Promise<PromiseRefresh> {
  const loaded = await loadOrder(client, shop, orderId);
  if (!loaded) return { learned: 0, made: 0 };
  const made = new Set((await client.deliveryPromise.findMany({ where: { shop, orderId }, select: { basisKey: true } })).map((row) => row.basisKey));
  const outcome = await refreshLoaded(client, shop, loaded.order, loaded.parcels, made, options.now ?? new Date());
  return { learned: outcome.learned, made: outcome.made.length };
}

/**
 * refreshOrderPromises for a caller that already read the order and its stored promises (a message about to be
 * sent): those reads are not repeated, and the order's promises afterwards are returned — re-read only when a
 * concurrent refresh stored one of the same promises first (its row, not ours, is the promise).
 */
export async function refreshHeldPromises(client: DbClient, shop: string, order: OrderToRefresh, stored: readonly StoredPromise[], now: Date): Promise<StoredPromise[]> {
  const parcels = await loadParcels(client, shop, order.id);
  const outcome = await refreshLoaded(client, shop, order, parcels, new Set(stored.map((row) => row.basisKey)), now);
  return outcome.complete ? [...stored, ...outcome.made] : storedPromisesOfOrder(client, shop, order.id);
}

/** Learns from the order's deliveries and stores the promises it still needs; `complete` is false when a concurrent refresh stored one first. */
async function refreshLoaded(
  client: DbClient,
  shop: string,
  order: OrderToRefresh,
  parcels: Awaited<ReturnType<typeof loadParcels>>,
  made: ReadonlySet<string>,
  now: Date,
): Promise<{ learned: number; made: StoredPromise[]; complete: boolean }> {
  const learned = await recordDeliveries(client, shop, order, parcels);
  const plan = planPromises(order, parcels, made, now);
  if (!plan.length) return { learned, made: [], complete: true };
  const estimator = await shopEstimator(client, shop, now);
  const stored: StoredPromise[] = [];
  for (const item of plan) {
    const estimate = estimator.promise(item.request);
    const inserted = await client.$executeRaw`
      INSERT INTO "DeliveryPromise" ("shop", "id", "orderId", "shipmentId", "stage", "basisKey", "promisedDate", "earliestDate", "explanation", "madeAt", "createdAt")
      VALUES (${shop}, ${randomUUID()}, ${order.id}, ${item.shipmentId}, ${item.stage}, ${item.basisKey}, ${estimate.promisedDate}, ${estimate.earliest},
        ${JSON.stringify(estimate.explanation)}, ${now}, ${new Date()})
      ON CONFLICT ("shop", "orderId", "basisKey") DO NOTHING`;
    if (inserted) {
      stored.push({ orderId: order.id, shipmentId: item.shipmentId, stage: item.stage, basisKey: item.basisKey, promisedDate: estimate.promisedDate, earliestDate: estimate.earliest, madeAt: now });
    }
  }
  return { learned, made: stored, complete: stored.length === plan.length };
}

/** The columns of a DeliveryPromise the surfaces read (a StoredPromise). */
const storedPromiseSelect = { orderId: true, shipmentId: true, stage: true, basisKey: true, promisedDate: true, earliestDate: true, madeAt: true } as const;

/** The stored promises of some of the shop's orders, grouped per order (an order without any has an empty group). */
export async function readOrderPromises(client: DbClient, shop: string, orderIds: readonly string[]): Promise<Map<string, OrderPromises>> {
  // A year of a shop's orders is far more ids than one query may bind: read them in slices.
  const rows = await inChunks(orderIds, (ids) =>
    client.deliveryPromise.findMany({
      where: { shop, orderId: { in: ids } },
      select: storedPromiseSelect,
    }),
  );
  const rowsOf = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = rowsOf.get(row.orderId);
    if (list) list.push(row);
    else rowsOf.set(row.orderId, [row]);
  }
  return new Map(orderIds.map((orderId) => [orderId, orderPromises(rowsOf.get(orderId) ?? [])]));
}

/** The stored promise rows of one order. */
export function storedPromisesOfOrder(client: DbClient, shop: string, orderId: string): Promise<StoredPromise[]> {
  return client.deliveryPromise.findMany({
    where: { shop, orderId },
    select: storedPromiseSelect,
  });
}

/** The stored promises of one order. */
export async function readPromisesOfOrder(client: DbClient, shop: string, orderId: string): Promise<OrderPromises> {
  return orderPromises(await storedPromisesOfOrder(client, shop, orderId));
}
