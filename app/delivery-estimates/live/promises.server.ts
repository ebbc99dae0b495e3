import { randomUUID } from "node:crypto";
import { inChunks } from "~/db/in-chunks";
import type { DbClient } from "~/db.server";
import { shipmentStatusSchema } from "~/tracking/status";
import { orderPromises, type OrderPromises } from "./order-promises";
import { planPromises, type PlannedParcel } from "./promise-plan";
import { observationOf, shipmentFactsOf, type OrderForEstimate } from "./shipment-facts";
import { shopEstimator } from "./shop-estimator.server";

export interface PromiseRefresh {
  /** Delivered parcels newly added to the shop's history. */
  learned: number;
  /** Promises newly stored. */
  made: number;
}

/** One order with its parcels, as refreshing its promises reads them. */
async function loadOrder(client: DbClient, shop: string, orderId: string) {
  const order = await client.order.findUnique({
    where: { shop_id: { shop, id: orderId } },
    select: { id: true, processedAt: true, cancelledAt: true, shippingCountry: true, shippingProvince: true, shippingZip: true },
  });
  if (!order) return null;
  const [shipments, fulfillments] = await Promise.all([
    client.shipment.findMany({
      where: { shop, orderId },
      select: { id: true, fulfillmentId: true, carrier: true, service: true, status: true, statusAt: true, shippedAt: true, deliveredAt: true },
    }),
    client.fulfillment.findMany({ where: { shop, orderId }, select: { id: true, locationId: true, service: true, shopifyCreatedAt: true } }),
  ]);
  const fulfillmentOf = new Map(fulfillments.map((fulfillment) => [fulfillment.id, fulfillment]));
  const parcels = shipments.flatMap((shipment) => {
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
  return { order, parcels };
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
  const now = options.now ?? new Date();
  const loaded = await loadOrder(client, shop, orderId);
  if (!loaded) return { learned: 0, made: 0 };
  const { order, parcels } = loaded;
  const learned = await recordDeliveries(client, shop, order, parcels);
  const made = new Set(
    (await client.deliveryPromise.findMany({ where: { shop, orderId }, select: { basisKey: true } })).map((row) => row.basisKey),
  );
  const plan = planPromises(order, parcels, made, now);
  if (!plan.length) return { learned, made: 0 };
  const estimator = await shopEstimator(client, shop);
  let stored = 0;
  for (const item of plan) {
    const estimate = estimator.promise(item.request);
    const inserted = await client.$executeRaw`
      INSERT INTO "DeliveryPromise" ("shop", "id", "orderId", "shipmentId", "stage", "basisKey", "promisedDate", "earliestDate", "explanation", "madeAt", "createdAt")
      VALUES (${shop}, ${randomUUID()}, ${orderId}, ${item.shipmentId}, ${item.stage}, ${item.basisKey}, ${estimate.promisedDate}, ${estimate.earliest},
        ${JSON.stringify(estimate.explanation)}, ${now}, ${new Date()})
      ON CONFLICT ("shop", "orderId", "basisKey") DO NOTHING`;
    stored += inserted;
  }
  return { learned, made: stored };
}

/** The stored promises of some of the shop's orders, grouped per order (an order without any has an empty group). */
export async function readOrderPromises(client: DbClient, shop: string, orderIds: readonly string[]): Promise<Map<string, OrderPromises>> {
  // A year of a shop's orders is far more ids than one query may bind: read them in slices.
  const rows = await inChunks(orderIds, (ids) =>
    client.deliveryPromise.findMany({
      where: { shop, orderId: { in: ids } },
      select: { orderId: true, shipmentId: true, stage: true, basisKey: true, promisedDate: true, earliestDate: true, madeAt: true },
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

/** The stored promises of one order. */
export async function readPromisesOfOrder(client: DbClient, shop: string, orderId: string): Promise<OrderPromises> {
  return (await readOrderPromises(client, shop, [orderId])).get(orderId)!;
}
