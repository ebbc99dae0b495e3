import type { GraphQLResolveInfo } from "graphql";
import { parseId, splitGid } from "../../store/ids.ts";
import { financialStatus, restFulfillmentStatus } from "../../store/order-math.ts";
import type { ShopState } from "../../store/shop-state.ts";
import type { OrderRecord, ProductRecord } from "../../store/types.ts";
import { shopTime } from "../../webhooks/payloads/format.ts";
import { connection, type ConnectionArgs, type SortTuple } from "../connection.ts";
import type { ResolverContext, TypeResolvers } from "../resolver-types.ts";
import { applySearch, parseSearchQuery, type FieldMatcher } from "../search-query.ts";

/** Without `read_all_orders`, Shopify only exposes the last 60 days of orders. */
const ORDER_WINDOW_MS = 60 * 24 * 3600 * 1000;

type SearchArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };

/** Date-only search values mean midnight in the shop's time zone. */
function shopDateParser(state: ShopState) {
  return (value: string): Date | null => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const offset = shopTime(new Date(`${value}T12:00:00Z`), state.shop.ianaTimezone)!.slice(-6);
      return new Date(`${value}T00:00:00${offset}`);
    }
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  };
}

function search<T>(
  items: T[],
  args: SearchArgs,
  ctx: ResolverContext,
  info: GraphQLResolveInfo,
  fields: Record<string, FieldMatcher<T>>,
  defaultText: (item: T) => (string | null)[],
): T[] {
  const result = applySearch(items, parseSearchQuery(args.query), fields, defaultText, shopDateParser(ctx.state));
  if (result.warnings.length > 0) {
    ctx.searchWarnings.push({ path: [info.path.key], query: args.query ?? "", warnings: result.warnings });
  }
  return result.items;
}

function orderFields(ctx: ResolverContext): Record<string, FieldMatcher<OrderRecord>> {
  const state = ctx.state;
  return {
    created_at: { kind: "date", read: (o) => o.createdAt },
    updated_at: { kind: "date", read: (o) => o.updatedAt },
    processed_at: { kind: "date", read: (o) => o.processedAt },
    id: { kind: "number", read: (o) => BigInt(o.id) },
    name: { kind: "text", read: (o) => [o.name, o.name.replace(/^#/, "")] },
    email: { kind: "text", read: (o) => [o.email] },
    customer_id: { kind: "text", read: (o) => [o.customerId] },
    tag: { kind: "text", read: (o) => o.tags },
    tag_not: { kind: "custom", test: (o, term) => !o.tags.some((t) => t.toLowerCase() === term.value.toLowerCase()) },
    financial_status: { kind: "custom", test: (o, term) => term.value === "any" || financialStatus(state, o) === term.value },
    fulfillment_status: {
      kind: "custom",
      test: (o, term) => {
        const status = restFulfillmentStatus(state, o);
        switch (term.value) {
          case "any":
            return true;
          case "shipped":
          case "fulfilled":
            return status === "fulfilled";
          case "partial":
            return status === "partial";
          case "unshipped":
          case "unfulfilled":
            return status === null;
          default:
            return false;
        }
      },
    },
    status: {
      kind: "custom",
      test: (o, term) => {
        switch (term.value) {
          case "open":
            return o.closedAt === null && o.cancelledAt === null;
          case "closed":
            return o.closedAt !== null;
          case "cancelled":
            return o.cancelledAt !== null;
          case "not_closed":
            return o.closedAt === null;
          case "any":
            return true;
          default:
            return false;
        }
      },
    },
    test: { kind: "custom", test: (o, term) => String(o.test) === term.value },
  };
}

const ORDER_SORT: Record<string, (order: OrderRecord) => SortTuple> = {
  ID: (o) => [0, o.id],
  CREATED_AT: (o) => [o.createdAt.getTime(), o.id],
  UPDATED_AT: (o) => [o.updatedAt.getTime(), o.id],
  PROCESSED_AT: (o) => [o.processedAt.getTime(), o.id],
  ORDER_NUMBER: (o) => [o.number, o.id],
  RELEVANCE: (o) => [0, o.id],
};

const PRODUCT_SORT: Record<string, (product: ProductRecord) => SortTuple> = {
  ID: (p) => [0, p.id],
  TITLE: (p) => [p.title.toLowerCase(), p.id],
  CREATED_AT: (p) => [p.createdAt.getTime(), p.id],
  UPDATED_AT: (p) => [p.updatedAt.getTime(), p.id],
  VENDOR: (p) => [p.vendor.toLowerCase(), p.id],
  PRODUCT_TYPE: (p) => [p.productType.toLowerCase(), p.id],
  RELEVANCE: (p) => [0, p.id],
};

function unsupportedSort(sortKey: string): never {
  throw new Error(`The stand-in does not implement sortKey ${sortKey} yet`);
}

function visibleOrders(ctx: ResolverContext): OrderRecord[] {
  const all = [...ctx.state.orders.values()];
  if (ctx.grant.scopes.includes("read_all_orders")) return all;
  const since = ctx.now.getTime() - ORDER_WINDOW_MS;
  return all.filter((order) => order.createdAt.getTime() >= since);
}

/** Finds any supported node by gid, tagged with its GraphQL type. */
function findNode(ctx: ResolverContext, gid: string): object | null {
  const parsed = splitGid(gid);
  if (!parsed) return null;
  const { typeName, id } = parsed;
  const state = ctx.state;
  const lookups: Record<string, () => object | undefined> = {
    Order: () => visibleOrders(ctx).find((o) => o.id === id),
    Fulfillment: () => state.fulfillments.get(id),
    FulfillmentEvent: () => state.fulfillmentEvents.get(id),
    Product: () => state.products.get(id),
    ProductVariant: () => state.variants.get(id),
    Customer: () => state.customers.get(id),
    Location: () => state.locations.get(id),
    Refund: () => state.refunds.get(id),
    Return: () => state.returns.get(id),
    ReverseFulfillmentOrder: () => state.reverseFulfillmentOrders.get(id),
    ReverseDelivery: () => state.reverseDeliveries.get(id),
    DraftOrder: () => state.draftOrders.get(id),
    Shop: () => (state.shop.id === id ? state.shop : undefined),
  };
  const record = lookups[typeName]?.();
  return record ? { ...record, __typename: typeName } : null;
}

export const queryRootResolvers: TypeResolvers<unknown> = {
  shop: (_root, _args, ctx: ResolverContext) => ctx.state.shop,
  order: (_root, args: { id: string }, ctx: ResolverContext) => {
    const id = parseId(args.id, "Order");
    return visibleOrders(ctx).find((o) => o.id === id) ?? null;
  },
  orders: (_root, args: SearchArgs, ctx: ResolverContext, info: GraphQLResolveInfo) => {
    const sortKey = args.sortKey ?? "ID";
    const sortTuple = ORDER_SORT[sortKey] ?? unsupportedSort(sortKey);
    const items = search(visibleOrders(ctx), args, ctx, info, orderFields(ctx), (o) => [o.name, o.email]);
    return connection(items, args, sortTuple);
  },
  fulfillment: (_root, args: { id: string }, ctx: ResolverContext) => {
    const id = parseId(args.id, "Fulfillment");
    return id ? (ctx.state.fulfillments.get(id) ?? null) : null;
  },
  product: (_root, args: { id: string }, ctx: ResolverContext) => {
    const id = parseId(args.id, "Product");
    return id ? (ctx.state.products.get(id) ?? null) : null;
  },
  products: (_root, args: SearchArgs, ctx: ResolverContext, info: GraphQLResolveInfo) => {
    const sortKey = args.sortKey ?? "ID";
    const sortTuple = PRODUCT_SORT[sortKey] ?? unsupportedSort(sortKey);
    const items = search(
      [...ctx.state.products.values()],
      args,
      ctx,
      info,
      {
        title: { kind: "text", read: (p) => [p.title] },
        vendor: { kind: "text", read: (p) => [p.vendor] },
        product_type: { kind: "text", read: (p) => [p.productType] },
        tag: { kind: "text", read: (p) => p.tags },
        sku: { kind: "text", read: (p) => p.variants.map((v) => v.sku) },
        status: { kind: "text", read: (p) => [p.status.toLowerCase()] },
        created_at: { kind: "date", read: (p) => p.createdAt },
        updated_at: { kind: "date", read: (p) => p.updatedAt },
        id: { kind: "number", read: (p) => BigInt(p.id) },
      },
      (p) => [p.title, p.vendor, p.productType, ...p.tags],
    );
    return connection(items, args, sortTuple);
  },
  customer: (_root, args: { id: string }, ctx: ResolverContext) => {
    const id = parseId(args.id, "Customer");
    return id ? (ctx.state.customers.get(id) ?? null) : null;
  },
  node: (_root, args: { id: string }, ctx: ResolverContext) => findNode(ctx, args.id),
  nodes: (_root, args: { ids: string[] }, ctx: ResolverContext) => args.ids.map((id) => findNode(ctx, id)),
};
