import type { DbClient } from "~/db.server";
import type { ReturnStatus } from "./case-status";
import type { Outcome } from "./policy-schema";
import type { ReturnQueueRow } from "./queue-row";
import type { ReturnQueueQuery } from "./queue-query";

export type { ReturnQueueRow };

export const QUEUE_LIMIT = 100;

const DAY_MS = 86_400_000;

/** The shop's returns matching the filters, newest first (at most QUEUE_LIMIT); a reason matches any line's. */
export async function listReturnCases(client: DbClient, shop: string, query: ReturnQueueQuery): Promise<ReturnQueueRow[]> {
  const reasonCaseIds = query.reason
    ? (await client.returnLine.findMany({ where: { shop, reason: query.reason }, select: { returnId: true }, distinct: ["returnId"] })).map((line) => line.returnId)
    : undefined;
  const rows = await client.returnCase.findMany({
    where: {
      shop,
      status: query.status ?? { not: "submitting" },
      ...(query.outcome ? { outcome: query.outcome } : {}),
      ...(reasonCaseIds ? { id: { in: reasonCaseIds } } : {}),
      ...(query.from || query.to
        ? {
            requestedAt: {
              ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
              ...(query.to ? { lt: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) } : {}),
            },
          }
        : {}),
    },
    orderBy: { requestedAt: "desc" },
    take: QUEUE_LIMIT,
    select: { id: true, name: true, orderName: true, status: true, outcome: true, itemsValue: true, currency: true, requestedAt: true },
  });
  const lines = await client.returnLine.findMany({
    where: { shop, returnId: { in: rows.map((row) => row.id) } },
    select: { returnId: true, reason: true, quantity: true },
  });
  return rows.map((row) => {
    const own = lines.filter((line) => line.returnId === row.id);
    return {
      id: row.id,
      name: row.name,
      orderName: row.orderName,
      status: row.status as ReturnStatus,
      outcome: row.outcome as Outcome,
      reasons: [...new Set(own.map((line) => line.reason))],
      items: own.reduce((sum, line) => sum + line.quantity, 0),
      itemsValue: row.itemsValue,
      currency: row.currency,
      requestedAt: row.requestedAt.toISOString(),
    };
  });
}
