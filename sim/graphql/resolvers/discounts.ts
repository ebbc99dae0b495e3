import { StoreError } from "../../store/errors.ts";
import { discountStatus, findDiscountByCode } from "../../store/discount-operations.ts";
import { splitGid, toGid } from "../../store/ids.ts";
import type { DiscountRecord, DiscountValue } from "../../store/types.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { ResolverContext, TypeResolvers } from "../resolver-types.ts";
import { centsFromDecimal, dateTime, decimal, moneyV2 } from "../scalars.ts";
import { idOf, runMutation } from "./mutation-support.ts";

/** The discount as a `DiscountCodeNode` / `DiscountNode`: same numeric id, different wrapper type. */
interface DiscountNodeSource {
  discount: DiscountRecord;
}

function describeValue(value: DiscountValue, currency: string): string {
  if (value.kind === "percentage") return `${Math.round(value.percentage * 10000) / 100}% off`;
  return `${decimal(value.amount)} ${currency} off${value.appliesOnEachItem ? " each item" : ""}`;
}

/** Shopify's admin summary, e.g. "10% off entire order • For 1 customer • One use per customer". */
function summary(discount: DiscountRecord, currency: string): string {
  const parts = [`${describeValue(discount.value, currency)} ${discount.productIds ? `${discount.productIds.length} product${discount.productIds.length === 1 ? "" : "s"}` : "entire order"}`];
  if (discount.minimumSubtotal !== null) parts.push(`Minimum purchase of ${decimal(discount.minimumSubtotal)} ${currency}`);
  if (discount.minimumQuantity !== null) parts.push(`Minimum quantity of ${discount.minimumQuantity}`);
  if (discount.customerIds) parts.push(`For ${discount.customerIds.length} customer${discount.customerIds.length === 1 ? "" : "s"}`);
  if (discount.appliesOncePerCustomer) parts.push("One use per customer");
  if (discount.usageLimit !== null) parts.push(`Limit of ${discount.usageLimit} use${discount.usageLimit === 1 ? "" : "s"}`);
  return parts.join(" • ");
}

function discountSource(discount: DiscountRecord) {
  return { ...discount, __typename: "DiscountCodeBasic" };
}

export const discountCodeBasicResolvers: TypeResolvers<DiscountRecord> = {
  createdAt: (d) => dateTime(d.createdAt),
  updatedAt: (d) => dateTime(d.updatedAt),
  startsAt: (d) => dateTime(d.startsAt),
  endsAt: (d) => dateTime(d.endsAt),
  status: (d, _args, ctx: ResolverContext) => discountStatus(d, ctx.now),
  summary: (d, _args, ctx: ResolverContext) => summary(d, ctx.state.shop.currency),
  shortSummary: (d, _args, ctx: ResolverContext) => `${describeValue(d.value, ctx.state.shop.currency)} ${d.productIds ? "products" : "entire order"}`,
  asyncUsageCount: (d) => d.usageCount,
  hasTimelineComment: () => false,
  recurringCycleLimit: () => null,
  shareableUrls: () => [],
  totalSales: () => null,
  discountClasses: (d) => [d.productIds ? "PRODUCT" : "ORDER"],
  discountClass: (d) => (d.productIds ? "PRODUCT" : "ORDER"),
  codes: (d, args: ConnectionArgs) => connection([{ id: d.redeemCodeId, code: d.code, asyncUsageCount: d.usageCount, createdBy: null }], args, (c) => [0, c.id]),
  codesCount: () => ({ count: 1, precision: "EXACT" }),
  combinesWith: (d) => ({ ...d.combinesWith, productDiscountsWithTagsOnSameCartLine: null }),
  context: (d, _args, ctx: ResolverContext) =>
    d.customerIds
      ? { __typename: "DiscountCustomers", customers: d.customerIds.map((id) => ctx.state.customers.get(id)).filter(Boolean) }
      : { __typename: "DiscountBuyerSelectionAll", all: "ALL" },
  customerSelection: (d, _args, ctx: ResolverContext) =>
    d.customerIds
      ? { __typename: "DiscountCustomers", customers: d.customerIds.map((id) => ctx.state.customers.get(id)).filter(Boolean) }
      : { __typename: "DiscountCustomerAll", allCustomers: true },
  minimumRequirement: (d, _args, ctx: ResolverContext) => {
    if (d.minimumSubtotal !== null) return { __typename: "DiscountMinimumSubtotal", greaterThanOrEqualToSubtotal: moneyV2(d.minimumSubtotal, ctx.state.shop.currency) };
    if (d.minimumQuantity !== null) return { __typename: "DiscountMinimumQuantity", greaterThanOrEqualToQuantity: String(d.minimumQuantity) };
    return null;
  },
  customerGets: (d, _args, ctx: ResolverContext) => ({
    appliesOnOneTimePurchase: true,
    appliesOnSubscription: false,
    items: d.productIds
      ? {
          __typename: "DiscountProducts",
          products: (args: ConnectionArgs) => connection(d.productIds!.map((id) => ctx.state.products.get(id)!), args, (p) => [0, p.id]),
          productVariants: (args: ConnectionArgs) => connection([], args, () => [0, ""]),
        }
      : { __typename: "AllDiscountItems", allItems: true },
    value:
      d.value.kind === "percentage"
        ? { __typename: "DiscountPercentage", percentage: d.value.percentage }
        : { __typename: "DiscountAmount", amount: moneyV2(d.value.amount, ctx.state.shop.currency), appliesOnEachItem: d.value.appliesOnEachItem },
  }),
};

/** Connection-valued fields of plain source objects are stored as functions of the field's arguments. */
export const discountProductsResolvers: TypeResolvers<{ products: (a: ConnectionArgs) => unknown; productVariants: (a: ConnectionArgs) => unknown }> = {
  products: (source, args: ConnectionArgs) => source.products(args),
  productVariants: (source, args: ConnectionArgs) => source.productVariants(args),
};

export const discountCodeNodeResolvers: TypeResolvers<DiscountNodeSource> = {
  id: (node) => toGid("DiscountCodeNode", node.discount.id),
  codeDiscount: (node) => discountSource(node.discount),
  events: (_node, args: ConnectionArgs) => connection([], args, () => [0, ""]),
};

export const discountNodeResolvers: TypeResolvers<DiscountNodeSource> = {
  id: (node) => toGid("DiscountNode", node.discount.id),
  discount: (node) => discountSource(node.discount),
  events: (_node, args: ConnectionArgs) => connection([], args, () => [0, ""]),
};

function discountById(ctx: ResolverContext, gid: string, typeNames: string[]): DiscountNodeSource | null {
  const parsed = splitGid(gid);
  if (!parsed || !typeNames.includes(parsed.typeName)) return null;
  const discount = ctx.state.discounts.get(parsed.id);
  return discount ? { discount } : null;
}

export const discountQueryResolvers: TypeResolvers<unknown> = {
  codeDiscountNodeByCode: (_root, args: { code?: string }, ctx: ResolverContext) => {
    const discount = findDiscountByCode(ctx.store, ctx.state.shop.domain, args.code ?? "");
    return discount ? { discount } : null;
  },
  codeDiscountNode: (_root, args: { id?: string }, ctx: ResolverContext) => discountById(ctx, args.id ?? "", ["DiscountCodeNode"]),
  discountNode: (_root, args: { id?: string }, ctx: ResolverContext) => discountById(ctx, args.id ?? "", ["DiscountNode", "DiscountCodeNode"]),
};

type DecimalInput = string | number | null | undefined;

interface BasicCodeDiscountArgs {
  title?: string | null;
  code?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  usageLimit?: number | null;
  appliesOncePerCustomer?: boolean | null;
  tags?: string[] | null;
  combinesWith?: { orderDiscounts?: boolean | null; productDiscounts?: boolean | null; shippingDiscounts?: boolean | null } | null;
  customerSelection?: { all?: boolean | null; customers?: { add?: string[] | null } | null; customerSegments?: unknown } | null;
  context?: { all?: string | null; customers?: { add?: string[] | null } | null; customerSegments?: unknown; markets?: unknown } | null;
  customerGets?: {
    value?: { percentage?: number | null; discountAmount?: { amount?: DecimalInput; appliesOnEachItem?: boolean | null } | null; discountOnQuantity?: unknown } | null;
    items?: { all?: boolean | null; products?: { productsToAdd?: string[] | null; productVariantsToAdd?: string[] | null } | null; collections?: unknown } | null;
  } | null;
  minimumRequirement?: { subtotal?: { greaterThanOrEqualToSubtotal?: DecimalInput } | null; quantity?: { greaterThanOrEqualToQuantity?: string | null } | null } | null;
}

function unsupported(what: string, field: string[]): never {
  throw new StoreError("INVALID", `The Shopify stand-in does not support ${what} yet (sim/graphql/resolvers/discounts.ts).`, field, "INVALID");
}

function customerIdsOf(input: BasicCodeDiscountArgs): string[] | null {
  if (input.context?.customerSegments || input.customerSelection?.customerSegments) unsupported("customer segments", ["context", "customerSegments"]);
  if (input.context?.markets) unsupported("market contexts", ["context", "markets"]);
  const fromContext = input.context?.customers?.add;
  if (fromContext) return fromContext.map((gid, index) => idOf(gid, "Customer", ["context", "customers", "add", String(index)]));
  const fromSelection = input.customerSelection?.customers?.add;
  if (fromSelection) return fromSelection.map((gid, index) => idOf(gid, "Customer", ["customerSelection", "customers", "add", String(index)]));
  return null;
}

function valueOf(input: BasicCodeDiscountArgs): DiscountValue | null {
  const value = input.customerGets?.value;
  if (!value) return null;
  if (value.discountOnQuantity) unsupported("discountOnQuantity (buy X get Y)", ["customerGets", "value", "discountOnQuantity"]);
  if (value.percentage !== null && value.percentage !== undefined) return { kind: "percentage", percentage: value.percentage };
  if (value.discountAmount) {
    const amount = centsFromDecimal(value.discountAmount.amount ?? "");
    if (amount === null) throw new StoreError("INVALID", "Amount is not a number", ["customerGets", "value", "discountAmount", "amount"], "INVALID");
    return { kind: "amount", amount, appliesOnEachItem: value.discountAmount.appliesOnEachItem ?? false };
  }
  return null;
}

export const discountMutationResolvers: TypeResolvers<unknown> = {
  discountCodeBasicCreate: (_root, args: { basicCodeDiscount?: BasicCodeDiscountArgs }, ctx: ResolverContext) =>
    runMutation(["basicCodeDiscount"], { codeDiscountNode: null }, () => {
      const input = args.basicCodeDiscount!;
      if (input.customerGets?.items?.collections) unsupported("collections", ["customerGets", "items", "collections"]);
      const productIds = input.customerGets?.items?.products?.productsToAdd?.map((gid, index) => idOf(gid, "Product", ["customerGets", "items", "products", "productsToAdd", String(index)])) ?? null;
      const subtotal = input.minimumRequirement?.subtotal?.greaterThanOrEqualToSubtotal;
      const quantity = input.minimumRequirement?.quantity?.greaterThanOrEqualToQuantity;
      const discount = ctx.store.createCodeDiscount(ctx.state.shop.domain, {
        title: input.title ?? null,
        code: input.code ?? null,
        value: valueOf(input),
        customerIds: customerIdsOf(input),
        productIds,
        minimumSubtotal: subtotal !== null && subtotal !== undefined ? centsFromDecimal(subtotal) : null,
        minimumQuantity: quantity ? Number(quantity) : null,
        usageLimit: input.usageLimit ?? null,
        appliesOncePerCustomer: input.appliesOncePerCustomer ?? false,
        combinesWith: {
          orderDiscounts: input.combinesWith?.orderDiscounts ?? false,
          productDiscounts: input.combinesWith?.productDiscounts ?? false,
          shippingDiscounts: input.combinesWith?.shippingDiscounts ?? false,
        },
        tags: input.tags ?? [],
        startsAt: input.startsAt ? new Date(input.startsAt) : null,
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
      });
      return { codeDiscountNode: { discount } };
    }, { extraInfo: null }),
};
