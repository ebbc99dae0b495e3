import { setTimeout as sleep } from "node:timers/promises";
import type { DbClient } from "~/db.server";
import { atomically } from "~/orders/atomically.server";
import { upsertOrderSnapshot } from "~/orders/sync.server";
import { adminGraphql, ShopifyGraphqlError, type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { recordFulfillmentEvents, SHOPIFY_EVENT_SOURCE } from "~/tracking/fulfillment-events.server";
import { upsertFulfillmentSnapshot } from "~/tracking/fulfillments.server";
import { ordersBehind, type HeldState } from "./behind";
import { orderDetailsSchema, orderVersionsSchema, readingFromOrderNode, type OrderReading, type OrderVersion } from "./order-node";
import {
  FULFILLMENTS_PER_LISTED_ORDER,
  ORDER_DETAILS_QUERY,
  ORDER_VERSIONS_QUERY,
  ORDERS_PER_DETAILS_REQUEST,
  ORDERS_PER_PAGE,
} from "./orders-query";
import { updatedSinceQuery } from "./window";

export interface ReconcileOrdersInput {
  client: DbClient;
  shop: string;
  admin: AdminGraphqlClient;
  /** Orders updated at or after this instant are compared. */
  since: Date;
  /** Stops between requests when aborted (the job lost its lease). */
  signal?: AbortSignal;
  /** Waits before retrying a throttled request; by default as long as Shopify says it needs. */
  waitWhenThrottled?: (error: ShopifyGraphqlError, attempt: number) => Promise<void>;
}

export interface ReconcileReport {
  /** Orders the Admin API listed as updated since `since`. */
  listed: number;
  /** Orders whose details were read because we held an older version (or none). */
  refreshed: number;
}

const MAX_THROTTLED_ATTEMPTS = 6;
/** As long as Shopify says the points take to restore (up to 10 s for a 1,000-point query), plus a margin. */
const waitForPoints = (error: ShopifyGraphqlError, attempt: number) =>
  sleep(Math.min(10_000, (error.retryAfterMs ?? 2_000 * attempt) + 100));

/**
 * Repairs what dropped webhooks left out: lists the shop's orders updated since `since` and, for each one
 * Shopify holds newer than we do, reads it and writes it through the webhooks' own monotonic upserts, so a
 * stale read never overwrites newer webhook state. Idempotent: a rerun rewrites nothing.
 */
export async function reconcileOrders(input: ReconcileOrdersInput): Promise<ReconcileReport> {
  const { client, shop, admin, signal } = input;
  const call = <T>(request: () => Promise<T>) => retryWhenThrottled(request, input.waitWhenThrottled ?? waitForPoints);
  const report: ReconcileReport = { listed: 0, refreshed: 0 };
  let after: string | null = null;
  do {
    signal?.throwIfAborted();
    const variables: Record<string, unknown> = {
      first: ORDERS_PER_PAGE,
      after,
      query: updatedSinceQuery(input.since),
      fulfillmentsPerOrder: FULFILLMENTS_PER_LISTED_ORDER,
    };
    const { orders } = await call(() => adminGraphql(admin, ORDER_VERSIONS_QUERY, variables, orderVersionsSchema));
    report.listed += orders.nodes.length;
    const behind = ordersBehind(orders.nodes, await heldState(client, shop, orders.nodes));
    for (let start = 0; start < behind.length; start += ORDERS_PER_DETAILS_REQUEST) {
      signal?.throwIfAborted();
      const ids = behind.slice(start, start + ORDERS_PER_DETAILS_REQUEST);
      const { nodes } = await call(() => adminGraphql(admin, ORDER_DETAILS_QUERY, { ids }, orderDetailsSchema));
      for (const node of nodes) {
        if (!node) continue; // deleted since it was listed
        await writeReading(client, shop, readingFromOrderNode(node));
        report.refreshed += 1;
      }
    }
    after = orders.pageInfo.hasNextPage ? orders.pageInfo.endCursor : null;
  } while (after);
  return report;
}

async function heldState(client: DbClient, shop: string, versions: readonly OrderVersion[]): Promise<HeldState> {
  const fulfillments = versions.flatMap((version) => version.fulfillments);
  const [heldOrders, heldFulfillments, heldEvents] = await Promise.all([
    client.order.findMany({
      where: { shop, id: { in: versions.map((version) => version.id) } },
      select: { id: true, shopifyUpdatedAt: true },
    }),
    client.fulfillment.findMany({
      where: { shop, id: { in: fulfillments.map((fulfillment) => fulfillment.id) } },
      select: { id: true, shopifyUpdatedAt: true },
    }),
    client.trackingEvent.findMany({
      where: {
        shop,
        source: SHOPIFY_EVENT_SOURCE,
        externalId: { in: fulfillments.flatMap((fulfillment) => fulfillment.events.nodes.map((event) => event.id)) },
      },
      select: { externalId: true },
    }),
  ]);
  return {
    versions: new Map([...heldOrders, ...heldFulfillments].map((row) => [row.id, row.shopifyUpdatedAt])),
    eventIds: new Set(heldEvents.map((event) => event.externalId)),
  };
}

/** One order's reading, written in one transaction through the same functions webhooks use. */
async function writeReading(client: DbClient, shop: string, reading: OrderReading): Promise<void> {
  await atomically(client, async (tx) => {
    await upsertOrderSnapshot(tx, shop, reading.order);
    for (const fulfillment of reading.fulfillments) await upsertFulfillmentSnapshot(tx, shop, fulfillment);
    await recordFulfillmentEvents(tx, shop, reading.events);
  });
}

async function retryWhenThrottled<T>(
  request: () => Promise<T>,
  wait: (error: ShopifyGraphqlError, attempt: number) => Promise<void>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof ShopifyGraphqlError && error.throttled) || attempt >= MAX_THROTTLED_ATTEMPTS) throw error;
      await wait(error, attempt);
    }
  }
}
