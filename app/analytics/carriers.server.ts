import { inChunks } from "~/db/in-chunks";
import type { DbClient } from "~/db.server";
import { readOrderPromises } from "~/delivery-estimates/live/promises.server";
import { carrierDisplayName } from "~/tracking/carriers/carrier-registry";
import type { CarrierAnalytics } from "./carrier-analytics";
import { performanceRows, transitDistributions, type GroupBy, type ParcelRecord } from "./carrier-performance";
import { recommendCarriers } from "./carrier-recommendation";
import { costPerParcel } from "./shipping-cost";

/** How far back the carriers page looks by default. */
export const DEFAULT_MONTHS = 12;

/** The shop's parcels handed to a carrier since `since`, with destination, first promise, exceptions and cost. */
export async function loadParcelRecords(client: DbClient, shop: string, since: Date): Promise<ParcelRecord[]> {
  const shipments = await client.shipment.findMany({
    where: { shop, shippedAt: { gte: since }, carrier: { not: null }, status: { not: "cancelled" } },
    select: { id: true, orderId: true, carrier: true, service: true, shippedAt: true, deliveredAt: true },
  });
  if (!shipments.length) return [];
  const orderIds = [...new Set(shipments.map((shipment) => shipment.orderId))];
  const shipmentIds = shipments.map((shipment) => shipment.id);
  const [orders, flagged, costs, promises] = await Promise.all([
    inChunks(orderIds, (ids) => client.order.findMany({ where: { shop, id: { in: ids } }, select: { id: true, shippingCountry: true, shippingProvince: true } })),
    inChunks(shipmentIds, (ids) => client.shipmentException.findMany({ where: { shop, shipmentId: { in: ids } }, select: { shipmentId: true } })),
    inChunks(orderIds, (ids) => client.shippingLine.findMany({ where: { shop, orderId: { in: ids } }, select: { orderId: true, price: true, isRemoved: true } })),
    readOrderPromises(client, shop, orderIds),
  ]);
  const destination = new Map(orders.map((order) => [order.id, laneOf(order.shippingCountry, order.shippingProvince)]));
  const withException = new Set(flagged.map((flag) => flag.shipmentId));
  const parcelsOfOrder = new Map<string, number>();
  for (const shipment of shipments) parcelsOfOrder.set(shipment.orderId, (parcelsOfOrder.get(shipment.orderId) ?? 0) + 1);
  const costOf = costPerParcel(costs, parcelsOfOrder);
  return shipments.map((shipment) => ({
    carrier: carrierDisplayName(shipment.carrier!),
    service: shipment.service,
    lane: destination.get(shipment.orderId) ?? "unknown",
    handedOffAt: shipment.shippedAt!,
    deliveredAt: shipment.deliveredAt,
    promisedDate: promises.get(shipment.orderId)?.firstFor(shipment.id)?.promisedDate ?? null,
    hadException: withException.has(shipment.id),
    shippingCost: costOf.get(shipment.orderId) ?? null,
  }));
}

/** The carriers page: performance grouped as asked, transit distributions and per-destination recommendations. */
export async function getCarrierAnalytics(client: DbClient, shop: string, options: { groupBy: GroupBy; months?: number; now?: Date }): Promise<CarrierAnalytics> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.months ?? DEFAULT_MONTHS) * 30 * 86_400_000);
  const [records, held] = await Promise.all([loadParcelRecords(client, shop, since), client.shop.findUnique({ where: { shop }, select: { currencyCode: true } })]);
  return {
    since: since.toISOString(),
    groupBy: options.groupBy,
    parcels: records.length,
    currencyCode: held?.currencyCode ?? null,
    rows: performanceRows(records, options.groupBy),
    distributions: transitDistributions(records),
    recommendations: recommendCarriers(records),
  };
}

function laneOf(country: string | null, province: string | null): string {
  const code = country?.trim().toUpperCase() || "unknown";
  return province?.trim() ? `${code}-${province.trim()}` : code;
}
