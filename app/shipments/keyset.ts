import type { Prisma } from "~/generated/sqlite/client";
import type { ShipmentCursor } from "./cursor";
import type { ListSort } from "./list-params";

type Where = Prisma.ShipmentWhereInput;
type OrderBy = Prisma.ShipmentOrderByWithRelationInput[];

/** Which way to read from a cursor: `forward` is the list's own order, `backward` reads the page before. */
export type ReadDirection = "forward" | "backward";

/**
 * The order and the "strictly past the cursor" condition of a keyset page over (lastEventAt, id), where a
 * shipment with no event yet sorts after every dated one in both sort orders. Reading backward flips the
 * order (so nulls come first) and the condition with it; the caller reverses the rows it gets.
 */
export function keysetPage(sort: ListSort, direction: ReadDirection, cursor: ShipmentCursor | null): { orderBy: OrderBy; where: Where } {
  const listDescending = sort === "activity_desc";
  const descending = direction === "forward" ? listDescending : !listDescending;
  const sortOrder = descending ? "desc" : "asc";
  const nulls = direction === "forward" ? "last" : "first";
  const orderBy: OrderBy = [{ lastEventAt: { sort: sortOrder, nulls } }, { id: sortOrder }];
  if (!cursor) return { orderBy, where: {} };

  const past = descending ? "lt" : "gt";
  const idPast: Where = { id: { [past]: cursor.id } };
  if (direction === "forward") {
    const where: Where = cursor.lastEventAt
      ? { OR: [{ lastEventAt: { [past]: cursor.lastEventAt } }, { lastEventAt: cursor.lastEventAt, ...idPast }, { lastEventAt: null }] }
      : { lastEventAt: null, ...idPast };
    return { orderBy, where };
  }
  const where: Where = cursor.lastEventAt
    ? { OR: [{ lastEventAt: { [past]: cursor.lastEventAt } }, { lastEventAt: cursor.lastEventAt, ...idPast }] }
    : { OR: [{ lastEventAt: { not: null } }, { lastEventAt: null, ...idPast }] };
  return { orderBy, where };
}
