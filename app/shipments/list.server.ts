import type { DbClient } from "~/db.server";
import { encodeCursor } from "./cursor";
import { keysetPage } from "./keyset";
import type { ShipmentListQuery } from "./list-query";
import type { ShipmentListPage } from "./list-page";
import { filterConditions, orderNameCandidates } from "./list-where";

export type { ShipmentListPage, ShipmentListRow } from "./list-page";

export const SHIPMENTS_PAGE_SIZE = 50;

const ROW_FIELDS = {
  id: true,
  orderId: true,
  trackingNumber: true,
  carrier: true,
  status: true,
  shippedAt: true,
  lastEventAt: true,
  estimatedDeliveryAt: true,
  deliveredAt: true,
} as const;

/**
 * One page of a shop's shipments, filtered, searched and sorted by last activity with keyset pagination.
 * A fixed number of indexed queries whatever the page size: order names are fetched in one batch.
 */
export async function listShipments(
  client: DbClient,
  shop: string,
  query: ShipmentListQuery,
  { now = new Date(), pageSize = SHIPMENTS_PAGE_SIZE }: { now?: Date; pageSize?: number } = {},
): Promise<ShipmentListPage> {
  const [shopRow, searchOrders, carrierGroups] = await Promise.all([
    client.shop.findUnique({ where: { shop }, select: { ianaTimezone: true } }),
    query.search
      ? client.order.findMany({ where: { shop, name: { in: orderNameCandidates(query.search) } }, select: { id: true } })
      : Promise.resolve([]),
    client.shipment.groupBy({ by: ["carrier"], where: { shop, carrier: { not: null } }, orderBy: { carrier: "asc" } }),
  ]);
  const timeZone = shopRow?.ianaTimezone ?? "UTC";
  const conditions = filterConditions(query, { now, timeZone, searchOrderIds: searchOrders.map((order) => order.id) });

  const direction = query.before ? "backward" : "forward";
  const page = keysetPage(query.sort, direction, query.before ?? query.after);
  const fetched = await client.shipment.findMany({
    where: { shop, AND: [...conditions, page.where] },
    orderBy: page.orderBy,
    take: pageSize + 1,
    select: ROW_FIELDS,
  });
  const hasMore = fetched.length > pageSize;
  const inPage = fetched.slice(0, pageSize);
  const shipments = direction === "forward" ? inPage : inPage.reverse();

  const orders = await client.order.findMany({
    where: { shop, id: { in: [...new Set(shipments.map((shipment) => shipment.orderId))] } },
    select: { id: true, name: true },
  });
  const orderNames = new Map(orders.map((order) => [order.id, order.name]));
  const first = shipments[0];
  const last = shipments.at(-1);
  return {
    rows: shipments.map((shipment) => ({ ...shipment, orderName: orderNames.get(shipment.orderId) ?? null })),
    pageInfo: {
      hasPreviousPage: direction === "forward" ? query.after !== null : hasMore,
      hasNextPage: direction === "forward" ? hasMore : true,
      startCursor: first ? encodeCursor(first) : null,
      endCursor: last ? encodeCursor(last) : null,
    },
    carriers: carrierGroups.flatMap((group) => (group.carrier ? [group.carrier] : [])),
    timeZone,
  };
}
