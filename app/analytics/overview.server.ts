import type { DbClient } from "~/db.server";
import { summariseAttention, type ShipmentsNeedingAttention } from "./attention";
import { countOrders, type OrderCounts } from "./order-counts";
import {
  ATTENTION_LIST_LIMIT,
  OVERVIEW_WINDOW_DAYS,
  overviewWindows,
  RECENT_ORDERS_LIMIT,
  STALLED_AFTER_DAYS,
  toRecentOrders,
  type OverviewWindows,
  type RecentOrder,
  type ShopOverview,
  type WebhookHealth,
} from "./overview";
import { countShipments, type ShipmentCounts } from "./shipment-counts";
import { TERMINAL_STATUSES } from "~/tracking/status";
import { ATTENTION_SHIPMENT_STATUSES } from "./shipment-status";

const CLOSED = [...TERMINAL_STATUSES];
const FLAGGED = [...ATTENTION_SHIPMENT_STATUSES];

/**
 * The home page overview of one shop at `now`, computed from its stored rows with a fixed number of
 * grouped counts and batched look-ups (never one query per order or shipment).
 */
export async function getShopOverview(client: DbClient, shop: string, now: Date): Promise<ShopOverview> {
  const windows = overviewWindows(now);
  const [orders, shipments, stalled, recentOrders, webhooks, shopRow] = await Promise.all([
    countRecentOrders(client, shop, windows),
    countShipmentsByStatus(client, shop, windows),
    countStalledShipments(client, shop, windows),
    findRecentOrders(client, shop),
    webhookHealth(client, shop, windows),
    client.shop.findUnique({ where: { shop }, select: { lastReconciledAt: true, ianaTimezone: true } }),
  ]);
  return {
    generatedAt: now,
    timeZone: shopRow?.ianaTimezone ?? "UTC",
    windowDays: OVERVIEW_WINDOW_DAYS,
    stalledAfterDays: STALLED_AFTER_DAYS,
    orders,
    shipments,
    attention: await findShipmentsNeedingAttention(client, shop, windows, shipments, stalled),
    recentOrders,
    webhooks,
    lastReconciledAt: shopRow?.lastReconciledAt ?? null,
    isEmpty: recentOrders.length === 0,
  };
}

async function countRecentOrders(client: DbClient, shop: string, { ordersSince }: OverviewWindows): Promise<OrderCounts> {
  const inWindow = { shop, processedAt: { gte: ordersSince } };
  const [open, cancelled] = await Promise.all([
    client.order.groupBy({ by: ["fulfillmentStatus"], where: { ...inWindow, cancelledAt: null }, _count: { _all: true } }),
    client.order.count({ where: { ...inWindow, cancelledAt: { not: null } } }),
  ]);
  return countOrders(open.map((group) => ({ fulfillmentStatus: group.fulfillmentStatus, count: group._count._all })), cancelled);
}

async function countShipmentsByStatus(client: DbClient, shop: string, { ordersSince }: OverviewWindows): Promise<ShipmentCounts> {
  const groups = await client.shipment.groupBy({
    by: ["status"],
    where: { shop, OR: [{ status: { notIn: CLOSED } }, { statusAt: { gte: ordersSince } }] },
    _count: { _all: true },
  });
  return countShipments(groups.map((group) => ({ status: group.status, count: group._count._all })));
}

/** Open, not otherwise flagged, and neither a status change nor an event since the cut-off. */
function stalledWhere(stalledBefore: Date) {
  return {
    statusAt: { lt: stalledBefore },
    OR: [{ lastEventAt: null }, { lastEventAt: { lt: stalledBefore } }],
  };
}

function countStalledShipments(client: DbClient, shop: string, { stalledBefore }: OverviewWindows): Promise<number> {
  return client.shipment.count({
    where: { shop, status: { notIn: [...CLOSED, ...FLAGGED] }, ...stalledWhere(stalledBefore) },
  });
}

async function findShipmentsNeedingAttention(
  client: DbClient,
  shop: string,
  windows: OverviewWindows,
  shipments: ShipmentCounts,
  stalled: number,
): Promise<ShipmentsNeedingAttention> {
  const rows = await client.shipment.findMany({
    where: {
      shop,
      status: { notIn: CLOSED },
      OR: [{ status: { in: FLAGGED } }, stalledWhere(windows.stalledBefore)],
    },
    select: { id: true, orderId: true, trackingNumber: true, carrier: true, status: true, statusAt: true, lastEventAt: true },
    orderBy: [{ statusAt: "asc" }, { id: "asc" }],
    take: ATTENTION_LIST_LIMIT,
  });
  const orders = await client.order.findMany({
    where: { shop, id: { in: [...new Set(rows.map((row) => row.orderId))] } },
    select: { id: true, name: true },
  });
  const orderNames = new Map(orders.map((order) => [order.id, order.name]));
  return summariseAttention(shipments.byStatus, stalled, rows, orderNames, windows.stalledBefore);
}

async function findRecentOrders(client: DbClient, shop: string): Promise<RecentOrder[]> {
  const orders = await client.order.findMany({
    where: { shop },
    select: { id: true, name: true, processedAt: true, fulfillmentStatus: true, cancelledAt: true },
    orderBy: [{ processedAt: "desc" }, { id: "desc" }],
    take: RECENT_ORDERS_LIMIT,
  });
  const shipments = await client.shipment.findMany({
    where: { shop, orderId: { in: orders.map((order) => order.id) } },
    select: { orderId: true, status: true },
  });
  return toRecentOrders(orders, shipments);
}

async function webhookHealth(client: DbClient, shop: string, { webhooksSince }: OverviewWindows): Promise<WebhookHealth> {
  const [receivedLast24h, failed, deadJobs] = await Promise.all([
    client.webhookEvent.count({ where: { shop, receivedAt: { gte: webhooksSince } } }),
    client.webhookEvent.count({ where: { shop, status: "failed" } }),
    client.job.count({ where: { shop, status: "dead" } }),
  ]);
  return { receivedLast24h, failed, deadJobs };
}
