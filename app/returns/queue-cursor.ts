import type { Prisma } from "~/generated/sqlite/client";
import { decodeCursor, encodeCursor } from "~/shipments/cursor";
import type { ReadDirection } from "~/shipments/keyset";

/** A position in the returns queue (newest first): the row's request time, and its id to break ties. */
export interface QueueCursor {
  requestedAt: Date;
  id: string;
}

// The shipments list's opaque cursor format; a return's request time is never null, so one without it is not ours.

/** The opaque URL form of a queue position. */
export function encodeQueueCursor(cursor: QueueCursor): string {
  return encodeCursor({ lastEventAt: cursor.requestedAt, id: cursor.id });
}

/** The position an opaque string encodes, or null for anything the queue did not produce. */
export function decodeQueueCursor(value: string): QueueCursor | null {
  const decoded = decodeCursor(value);
  return decoded?.lastEventAt ? { requestedAt: decoded.lastEventAt, id: decoded.id } : null;
}

/**
 * The order and the "strictly past the cursor" condition of a keyset page over (requestedAt, id), newest
 * first. Reading backward (the page before) flips both; the caller reverses the rows it gets.
 */
export function queueKeyset(direction: ReadDirection, cursor: QueueCursor | null): { orderBy: Prisma.ReturnCaseOrderByWithRelationInput[]; where: Prisma.ReturnCaseWhereInput } {
  const sort = direction === "forward" ? "desc" : "asc";
  const orderBy = [{ requestedAt: sort }, { id: sort }] satisfies Prisma.ReturnCaseOrderByWithRelationInput[];
  if (!cursor) return { orderBy, where: {} };
  const past = direction === "forward" ? "lt" : "gt";
  return {
    orderBy,
    where: { OR: [{ requestedAt: { [past]: cursor.requestedAt } }, { requestedAt: cursor.requestedAt, id: { [past]: cursor.id } }] },
  };
}
