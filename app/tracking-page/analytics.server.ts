import type { DbClient } from "~/db.server";
import { keyedHash } from "./keys.server";
import type { ClickTarget } from "./signed-links.server";

export interface Visitor {
  clientIp: string;
  userAgent: string;
}

/**
 * A shopper's anonymous id for one day: a keyed hash of IP, user agent and date. Shopify's app proxy strips
 * cookies, so a cookie cannot count shoppers; the hash counts them without storing anything personal, and
 * changes daily so visits cannot be linked across days.
 */
export function visitorHash(shop: string, visitor: Visitor, now = new Date()): string {
  return keyedHash("visitor", now.toISOString().slice(0, 10), shop, visitor.clientIp, visitor.userAgent);
}

/** Records one view of an order's tracking page. */
export async function recordPageView(
  client: DbClient,
  input: { shop: string; orderId: string; visitor: Visitor; marketingShown: boolean; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await client.trackingPageEvent.create({
    data: { shop: input.shop, orderId: input.orderId, kind: "view", visitorHash: visitorHash(input.shop, input.visitor, now), marketingShown: input.marketingShown, occurredAt: now },
  });
}

/** Records a click in the marketing block. */
export async function recordMarketingClick(
  client: DbClient,
  input: { shop: string; orderId: string; visitor: Visitor; target: ClickTarget; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await client.trackingPageEvent.create({
    data: { shop: input.shop, orderId: input.orderId, kind: "click", visitorHash: visitorHash(input.shop, input.visitor, now), target: input.target, occurredAt: now },
  });
}

export interface DateRange {
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface TrackingPageAnalytics {
  views: number;
  ordersViewed: number;
  /** Views per viewed order (0 when none). */
  visitsPerOrder: number;
  /** Distinct shoppers per day, summed over the range (the visitor id changes daily by design). */
  uniqueShoppers: number;
  /** Views that showed the marketing block, and clicks in it. */
  marketingViews: number;
  marketingClicks: number;
  /** marketingClicks / marketingViews, 0 when the block was never shown. */
  clickThroughRate: number;
  clicksByTarget: Record<ClickTarget, number>;
  /** The most visited orders, most views first. */
  topOrders: { orderId: string; name: string | null; views: number }[];
}

/** Tracking page analytics for the admin: visits per order, unique shoppers and the marketing block's CTR. */
export async function getTrackingPageAnalytics(client: DbClient, shop: string, range: DateRange): Promise<TrackingPageAnalytics> {
  const inRange = { shop, occurredAt: { gte: range.from, lt: range.to } };
  const [distinct, marketingViews, clicks, top] = await Promise.all([
    client.$queryRaw<{ views: number | bigint; orders: number | bigint; shoppers: number | bigint }[]>`
      SELECT COUNT(*) AS "views", COUNT(DISTINCT "orderId") AS "orders", COUNT(DISTINCT "visitorHash") AS "shoppers"
      FROM "TrackingPageEvent"
      WHERE "shop" = ${shop} AND "kind" = 'view' AND "occurredAt" >= ${range.from} AND "occurredAt" < ${range.to}`,
    client.trackingPageEvent.count({ where: { ...inRange, kind: "view", marketingShown: true } }),
    client.trackingPageEvent.groupBy({ by: ["target"], where: { ...inRange, kind: "click" }, _count: { _all: true } }),
    client.trackingPageEvent.groupBy({
      by: ["orderId"],
      where: { ...inRange, kind: "view" },
      _count: { orderId: true },
      orderBy: [{ _count: { orderId: "desc" } }, { orderId: "asc" }],
      take: 10,
    }),
  ]);
  const names = await client.order.findMany({ where: { shop, id: { in: top.map((row) => row.orderId) } }, select: { id: true, name: true } });
  const nameOf = new Map(names.map((order) => [order.id, order.name]));
  const views = Number(distinct[0]?.views ?? 0);
  const ordersViewed = Number(distinct[0]?.orders ?? 0);
  const clicksByTarget: Record<ClickTarget, number> = { banner: 0, discount: 0, recommendation: 0 };
  for (const row of clicks) if (row.target && row.target in clicksByTarget) clicksByTarget[row.target as ClickTarget] = row._count._all;
  const marketingClicks = clicks.reduce((sum, row) => sum + row._count._all, 0);
  return {
    views,
    ordersViewed,
    visitsPerOrder: ordersViewed ? views / ordersViewed : 0,
    uniqueShoppers: Number(distinct[0]?.shoppers ?? 0),
    marketingViews,
    marketingClicks,
    clickThroughRate: marketingViews ? marketingClicks / marketingViews : 0,
    clicksByTarget,
    topOrders: top.map((row) => ({ orderId: row.orderId, name: nameOf.get(row.orderId) ?? null, views: row._count.orderId })),
  };
}
