import type { DbClient } from "~/db.server";
import type { ReturnStatus } from "./case-status";
import type { Outcome } from "./policy-schema";
import { encodeQueueCursor, queueKeyset } from "./queue-cursor";
import type { ReturnQueuePage, ReturnQueueRow } from "./queue-row";
import type { ReturnQueueQuery } from "./queue-query";

export type { ReturnQueuePage, ReturnQueueRow };

export const QUEUE_PAGE_SIZE = 50;

const DAY_MS = 86_400_000;

/**
 * One page of the shop's returns matching the filters, newest first, with keyset cursors to the pages either
 * side (the filters stay the same across pages); a reason matches any line's.
 */
export async function listReturnCases(
  client: DbClient,
  shop: string,
  query: ReturnQueueQuery,
  { pageSize = QUEUE_PAGE_SIZE }: { pageSize?: number } = {},
): Promise<ReturnQueuePage> {
  const reasonCaseIds = query.reason
    ? (await client.returnLine.findMany({ where: { shop, reason: query.reason }, select: { returnId: true }, distinct: ["returnId"] })).map((line) => line.returnId)
    : undefined;
  const direction = query.before ? "backward" : "forward";
  const page = queueKeyset(direction, query.before ?? query.after);
  const fetched = await client.returnCase.findMany({
    where: {
      shop,
      AND: [page.where],
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
    orderBy: page.orderBy,
    take: pageSize + 1,
    select: { id: true, name: true, orderName: true, status: true, outcome: true, itemsValue: true, currency: true, requestedAt: true },
  });
  const hasMore = fetched.length > pageSize;
  const inPage = fetched.slice(0, pageSize);
  const rows = direction === "forward" ? inPage : inPage.reverse();
  const lines = await client.returnLine.findMany({
    where: { shop, returnId: { in: rows.map((row) => row.id) } },
    select: { returnId: true, reason: true, quantity: true },
  });
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows: rows.map((row) => queueRow(row, lines)),
    pageInfo: {
      hasPreviousPage: direction === "forward" ? query.after !== null : hasMore,
      // Reading backward starts from a row that was after this page, so a next page exists.
      hasNextPage: direction === "forward" ? hasMore : true,
      startCursor: first ? encodeQueueCursor(first) : null,
      endCursor: last ? encodeQueueCursor(last) : null,
    },
  };
}

function queueRow(
  row: { id: string; name: string | null; orderName: string | null; status: string; outcome: string; itemsValue: string; currency: string; requestedAt: Date },
  lines: readonly { returnId: string; reason: string; quantity: number }[],
): ReturnQueueRow {
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
}
