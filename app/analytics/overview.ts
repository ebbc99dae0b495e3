import type { ShipmentsNeedingAttention } from "./attention";
import { orderFulfillment, type OrderCounts, type OrderFulfillment } from "./order-counts";
import { byJourney, type ShipmentCounts } from "./shipment-counts";

/** How far back the order and shipment figures look. */
export const OVERVIEW_WINDOW_DAYS = 30;
/** A parcel with no event for this long, and not closed, has stalled. */
export const STALLED_AFTER_DAYS = 3;
/** The webhook inbox figures cover this many hours. */
export const WEBHOOK_WINDOW_HOURS = 24;
export const RECENT_ORDERS_LIMIT = 10;
export const ATTENTION_LIST_LIMIT = 10;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The cut-off instants every overview figure is computed against. */
export interface OverviewWindows {
  ordersSince: Date;
  stalledBefore: Date;
  webhooksSince: Date;
}

/** The cut-offs for an overview taken at `now`. */
export function overviewWindows(now: Date): OverviewWindows {
  return {
    ordersSince: new Date(now.getTime() - OVERVIEW_WINDOW_DAYS * DAY_MS),
    stalledBefore: new Date(now.getTime() - STALLED_AFTER_DAYS * DAY_MS),
    webhooksSince: new Date(now.getTime() - WEBHOOK_WINDOW_HOURS * HOUR_MS),
  };
}

export interface RecentOrder {
  id: string;
  name: string;
  processedAt: Date;
  fulfillment: OrderFulfillment;
  /** How many of the order's parcels are in each status, in journey order. */
  shipments: Array<{ status: string; count: number }>;
}

/** Joins recent orders with their shipments' statuses (fetched in one query for all orders). */
export function toRecentOrders(
  orders: ReadonlyArray<{ id: string; name: string; processedAt: Date; fulfillmentStatus: string | null; cancelledAt: Date | null }>,
  shipments: ReadonlyArray<{ orderId: string; status: string }>,
): RecentOrder[] {
  return orders.map((order) => {
    const counts = new Map<string, number>();
    for (const shipment of shipments) {
      if (shipment.orderId === order.id) counts.set(shipment.status, (counts.get(shipment.status) ?? 0) + 1);
    }
    return {
      id: order.id,
      name: order.name,
      processedAt: order.processedAt,
      fulfillment: orderFulfillment(order),
      shipments: [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => byJourney(a.status, b.status)),
    };
  });
}

export interface WebhookHealth {
  receivedLast24h: number;
  /** Deliveries whose processing failed and has not succeeded since. */
  failed: number;
  /** Jobs that used up their retries (the dead-letter queue). */
  deadJobs: number;
}

/** Everything the home page shows, each figure counted from stored rows of one shop. */
export interface ShopOverview {
  generatedAt: Date;
  /** The shop's IANA time zone, so dates read as the merchant's admin shows them. */
  timeZone: string;
  windowDays: number;
  stalledAfterDays: number;
  orders: OrderCounts;
  /** Open shipments plus those closed within the window. */
  shipments: ShipmentCounts;
  attention: ShipmentsNeedingAttention;
  recentOrders: RecentOrder[];
  webhooks: WebhookHealth;
  lastReconciledAt: Date | null;
  /** True until the first order is stored (a new install whose backfill has not landed yet). */
  isEmpty: boolean;
}
