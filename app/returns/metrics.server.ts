import { orderFulfillment } from "~/analytics/order-counts";
import { inChunks } from "~/db/in-chunks";
import type { DbClient } from "~/db.server";
import { COUNTED_STATUSES, OPEN_STATUSES, returnsMetrics, type ReturnsMetrics } from "./metrics";
import type { MetricPeriod } from "./metrics-period";

const DAY_MS = 86_400_000;

/**
 * The shop's returns numbers over the last `periodDays` before `now`. The return rate's cohort is the orders
 * placed in the period that shipped; cases, reasons, money and time to refund are those requested in it.
 * A fixed number of queries (plus batched look-ups of the period's cases), each scoped to the shop.
 */
export async function loadReturnsMetrics(client: DbClient, shop: string, periodDays: MetricPeriod, now = new Date()): Promise<ReturnsMetrics> {
  const since = new Date(now.getTime() - periodDays * DAY_MS);
  const inPeriod = { gte: since, lt: now };
  const [cases, byStatus, shippedOrders, shippedUnits] = await Promise.all([
    client.returnCase.findMany({
      where: { shop, requestedAt: inPeriod, status: { in: [...COUNTED_STATUSES] } },
      select: {
        id: true,
        orderId: true,
        status: true,
        outcome: true,
        currency: true,
        refundAmount: true,
        storeCreditAmount: true,
        bonusAmount: true,
        exchangeValue: true,
        amountDue: true,
        requestedAt: true,
        processedAt: true,
      },
    }),
    client.returnCase.groupBy({ by: ["status"], where: { shop, status: { in: [...OPEN_STATUSES] } }, _count: { _all: true } }),
    client.order.groupBy({ by: ["fulfillmentStatus"], where: { shop, processedAt: inPeriod, cancelledAt: null }, _count: { _all: true } }),
    countShippedUnits(client, shop, since, now),
  ]);
  const orderIds = [...new Set(cases.map((row) => row.orderId))];
  const [lines, caseOrders] = await Promise.all([
    inChunks(
      cases.map((row) => row.id),
      (ids) => client.returnLine.findMany({ where: { shop, returnId: { in: ids } }, select: { returnId: true, lineItemId: true, title: true, quantity: true, reason: true } }),
    ),
    inChunks(orderIds, (ids) =>
      client.order.findMany({ where: { shop, id: { in: ids }, processedAt: inPeriod, cancelledAt: null }, select: { id: true, fulfillmentStatus: true, cancelledAt: true } }),
    ),
  ]);
  const products = await inChunks([...new Set(lines.map((line) => line.lineItemId))], (ids) =>
    client.lineItem.findMany({ where: { shop, id: { in: ids } }, select: { id: true, productId: true } }),
  );
  const productOf = new Map(products.map((item) => [item.id, item.productId]));
  return returnsMetrics({
    periodDays,
    since,
    until: now,
    cases,
    lines: lines.map((line) => ({ ...line, productId: productOf.get(line.lineItemId) ?? null })),
    shipped: {
      orders: shippedOrders.filter((group) => hasShipped(group)).reduce((sum, group) => sum + group._count._all, 0),
      units: shippedUnits,
    },
    cohortOrderIds: new Set(caseOrders.filter((order) => hasShipped(order)).map((order) => order.id)),
    byStatus: byStatus.map((group) => ({ status: group.status, count: group._count._all })),
  });
}

function hasShipped(order: { fulfillmentStatus: string | null; cancelledAt?: Date | null }): boolean {
  const fulfillment = orderFulfillment({ fulfillmentStatus: order.fulfillmentStatus, cancelledAt: order.cancelledAt ?? null });
  return fulfillment === "fulfilled" || fulfillment === "partially_fulfilled";
}

/** Units shipped (successful fulfillments) on the shop's orders placed in the period and not cancelled. */
async function countShippedUnits(client: DbClient, shop: string, since: Date, until: Date): Promise<number> {
  const [row] = await client.$queryRaw<{ units: number | bigint | string | null }[]>`
    SELECT SUM(fli."quantity") AS "units"
    FROM "FulfillmentLineItem" fli
    JOIN "Fulfillment" f ON f."shop" = fli."shop" AND f."id" = fli."fulfillmentId"
    JOIN "Order" o ON o."shop" = f."shop" AND o."id" = f."orderId"
    WHERE fli."shop" = ${shop} AND f."status" = 'success' AND o."cancelledAt" IS NULL
      AND o."processedAt" >= ${since} AND o."processedAt" < ${until}`;
  return Number(row?.units ?? 0);
}
