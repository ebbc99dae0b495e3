import { GraphQLError } from "graphql";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

/** The value an item sorts by, then its id as the tie-breaker, as Shopify's cursors encode them. */
export type SortTuple = [value: string | number, id: string];

const MAX_PAGE_SIZE = 250;

function compareTuples(a: SortTuple, b: SortTuple): number {
  const [av, aid] = a;
  const [bv, bid] = b;
  if (av !== bv) return av < bv ? -1 : 1;
  const diff = BigInt(aid) - BigInt(bid);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}

function encodeCursor([value, id]: SortTuple): string {
  return Buffer.from(JSON.stringify({ last_id: id, last_value: value })).toString("base64");
}

function decodeCursor(cursor: string): SortTuple {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id: unknown; last_value: unknown };
    if (typeof parsed.last_id === "string" && (typeof parsed.last_value === "string" || typeof parsed.last_value === "number")) {
      return [parsed.last_value, parsed.last_id];
    }
  } catch {
    // fall through to the error Shopify gives for a cursor it did not issue
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: "BAD_REQUEST" } });
}

/** Checks Shopify's page-size rules: one of first/last, at most 250. */
export function pageSize(args: ConnectionArgs): number {
  const size = args.first ?? args.last;
  if (size === undefined || size === null) {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  }
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`The ${args.first !== undefined && args.first !== null ? "first" : "last"} argument must be between 0 and ${MAX_PAGE_SIZE}.`, {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  return size;
}

/**
 * A Relay connection over already-filtered items: sorted by `sortTuple`, optionally reversed, sliced by
 * cursors that encode the sort value and id (so pages stay stable while items change).
 */
export function connection<T>(items: readonly T[], args: ConnectionArgs, sortTuple: (item: T) => SortTuple) {
  const size = pageSize(args);
  const direction = args.reverse ? -1 : 1;
  let list = items.map((node) => ({ node, key: sortTuple(node) })).sort((a, b) => direction * compareTuples(a.key, b.key));
  if (args.after) {
    const after = decodeCursor(args.after);
    list = list.filter((entry) => direction * compareTuples(entry.key, after) > 0);
  }
  if (args.before) {
    const before = decodeCursor(args.before);
    list = list.filter((entry) => direction * compareTuples(entry.key, before) < 0);
  }
  const fromEnd = args.first === undefined || args.first === null;
  const page = fromEnd ? list.slice(Math.max(0, list.length - size)) : list.slice(0, size);
  const edges = page.map((entry) => ({ cursor: encodeCursor(entry.key), node: entry.node }));
  return {
    edges,
    nodes: page.map((entry) => entry.node),
    pageInfo: {
      hasNextPage: fromEnd ? Boolean(args.before) : list.length > size,
      hasPreviousPage: fromEnd ? list.length > size : Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Plain lists with a `first` argument (Order.fulfillments, Fulfillment.trackingInfo). */
export function firstOf<T>(items: readonly T[], first: number | null | undefined): T[] {
  if (first === undefined || first === null) return [...items];
  return items.slice(0, Math.max(0, first));
}
