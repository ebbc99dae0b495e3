import { getShopOverview } from "../../app/analytics/overview.server";
import type { OrderCounts } from "../../app/analytics/order-counts";
import type { ShipmentCounts } from "../../app/analytics/shipment-counts";
import { shipmentStatusLabel } from "../../app/analytics/shipment-status";
import type { DbClient } from "../../app/db.server";
import { countFailedWork, type FailedWork } from "./pending-work";
import { carrierDisplayName } from "../../app/tracking/carriers/carrier-registry";

/** What the app stored for a shop, counted the way its home page counts it. */
export interface AppSummary extends FailedWork {
  shopName: string | null;
  windowDays: number;
  orders: OrderCounts;
  shipments: ShipmentCounts;
  shipmentsByCarrier: { carrier: string; count: number }[];
}

/** Reads the summary from the app's database: the home page's own overview plus carriers and failures. */
export async function summariseApp(client: DbClient, shop: string, now = new Date()): Promise<AppSummary> {
  const [overview, carriers, failed, shopRow] = await Promise.all([
    getShopOverview(client, shop, now),
    client.shipment.groupBy({ by: ["carrier"], where: { shop }, _count: { _all: true } }),
    countFailedWork(client, shop),
    client.shop.findUnique({ where: { shop }, select: { name: true } }),
  ]);
  return {
    shopName: shopRow?.name ?? null,
    windowDays: overview.windowDays,
    orders: overview.orders,
    shipments: overview.shipments,
    shipmentsByCarrier: carriers
      .map((group) => ({ carrier: group.carrier ?? "no carrier", count: group._count._all }))
      .sort((a, b) => b.count - a.count || a.carrier.localeCompare(b.carrier)),
    ...failed,
  };
}

/** The summary as lines for a terminal. */
export function formatSummary(summary: AppSummary): string[] {
  const { orders, shipments } = summary;
  const statuses = Object.entries(shipments.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${shipmentStatusLabel(status)} ${count}`);
  const lines = [
    `Orders (last ${summary.windowDays} days): ${orders.total} — ${orders.unfulfilled} unfulfilled, ${orders.partiallyFulfilled} partially fulfilled, ` +
      `${orders.fulfilled} fulfilled, ${orders.cancelled} cancelled`,
    `Shipments: ${shipments.total} — ${statuses.join(", ")}`,
    `Carriers: ${summary.shipmentsByCarrier.map(({ carrier, count }) => `${carrierDisplayName(carrier)} ${count}`).join(", ")}`,
  ];
  if (summary.failedWebhooks || summary.deadJobs) {
    lines.push(`Needs a look: ${summary.failedWebhooks} webhook(s) failed, ${summary.deadJobs} job(s) dead (see the app log)`);
  }
  return lines;
}
