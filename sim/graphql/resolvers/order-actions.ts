import { draftTotals } from "../../store/draft-order-operations.ts";
import { StoreError } from "../../store/errors.ts";
import { splitGid } from "../../store/ids.ts";
import type { Address, DraftOrderAppliedDiscountRecord, DraftOrderLineItemRecord, DraftOrderRecord } from "../../store/types.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { ResolverContext, TypeResolvers } from "../resolver-types.ts";
import { centsFromDecimal, dateTime, moneyBag, moneyV2 } from "../scalars.ts";
import { idOf, runMutation } from "./mutation-support.ts";

const COUNTRY_NAMES = new Intl.DisplayNames(["en"], { type: "region" });

/** The order a `tagsAdd`/`tagsRemove` id names; the stand-in tags orders only. */
function taggedOrderId(ctx: ResolverContext, gid: string): string {
  const parsed = splitGid(gid);
  if (parsed && parsed.typeName !== "Order") {
    throw new StoreError("INVALID", `The Shopify stand-in tags orders only, not ${parsed.typeName} (sim/graphql/resolvers/order-actions.ts).`, ["id"], null);
  }
  if (!parsed || !ctx.state.orders.has(parsed.id)) throw new StoreError("NOT_FOUND", "Order does not exist", ["id"], null);
  return parsed.id;
}

type DiscountInput = { value: number; valueType: "FIXED_AMOUNT" | "PERCENTAGE"; title?: string | null; description?: string | null } | null | undefined;

function discountOf(input: DiscountInput): DraftOrderAppliedDiscountRecord | null {
  return input ? { value: input.value, valueType: input.valueType, title: input.title ?? null, description: input.description ?? "" } : null;
}

type AddressInput = Partial<Record<"address1" | "address2" | "city" | "company" | "countryCode" | "firstName" | "lastName" | "phone" | "province" | "provinceCode" | "zip", string | null>>;

function addressOf(input: AddressInput | null | undefined): Address | null {
  if (!input) return null;
  const countryCode = input.countryCode ?? "";
  return {
    firstName: input.firstName ?? "",
    lastName: input.lastName ?? "",
    company: input.company ?? null,
    address1: input.address1 ?? "",
    address2: input.address2 ?? null,
    city: input.city ?? "",
    province: input.province ?? input.provinceCode ?? null,
    provinceCode: input.provinceCode ?? null,
    country: countryCode ? (COUNTRY_NAMES.of(countryCode) ?? countryCode) : "",
    countryCode,
    zip: input.zip ?? "",
    phone: input.phone ?? null,
    latitude: null,
    longitude: null,
  };
}

interface DraftOrderInputArgs {
  customerId?: string | null;
  email?: string | null;
  phone?: string | null;
  note?: string | null;
  tags?: string[] | null;
  appliedDiscount?: DiscountInput;
  shippingAddress?: AddressInput | null;
  useCustomerDefaultAddress?: boolean | null;
  lineItems?: {
    variantId?: string | null;
    title?: string | null;
    quantity: number;
    originalUnitPrice?: string | null;
    originalUnitPriceWithCurrency?: { amount: string; currencyCode: string } | null;
    appliedDiscount?: DiscountInput;
  }[] | null;
}

export const tagMutationResolvers: TypeResolvers<unknown> = {
  tagsAdd: (_root, args: { id?: string; tags?: string[] }, ctx: ResolverContext) =>
    runMutation([], { node: null }, () => ({ node: { ...ctx.store.addOrderTags(ctx.state.shop.domain, taggedOrderId(ctx, args.id!), args.tags ?? []), __typename: "Order" } })),
  tagsRemove: (_root, args: { id?: string; tags?: string[] }, ctx: ResolverContext) =>
    runMutation([], { node: null }, () => ({ node: { ...ctx.store.removeOrderTags(ctx.state.shop.domain, taggedOrderId(ctx, args.id!), args.tags ?? []), __typename: "Order" } })),
};

export const draftOrderMutationResolvers: TypeResolvers<unknown> = {
  draftOrderCreate: (_root, args: { input?: DraftOrderInputArgs }, ctx: ResolverContext) =>
    runMutation(["input"], { draftOrder: null }, () => {
      const input = args.input!;
      const draftOrder = ctx.store.createDraftOrder(ctx.state.shop.domain, {
        customerId: input.customerId ? idOf(input.customerId, "Customer", ["customerId"]) : null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        note: input.note ?? null,
        tags: input.tags ?? [],
        appliedDiscount: discountOf(input.appliedDiscount),
        shippingAddress: addressOf(input.shippingAddress),
        useCustomerDefaultAddress: input.useCustomerDefaultAddress ?? true,
        lineItems: (input.lineItems ?? []).map((line, index) => {
          const rawPrice = line.originalUnitPriceWithCurrency?.amount ?? line.originalUnitPrice ?? null;
          return {
            variantId: line.variantId ? idOf(line.variantId, "ProductVariant", ["lineItems", String(index), "variantId"], "variant") : null,
            title: line.title ?? null,
            quantity: line.quantity,
            price: rawPrice === null ? null : centsFromDecimal(rawPrice),
            appliedDiscount: discountOf(line.appliedDiscount),
          };
        }),
      });
      return { draftOrder };
    }),
};

export const draftOrderQueryResolvers: TypeResolvers<unknown> = {
  draftOrder: (_root, args: { id?: string }, ctx: ResolverContext) => {
    const parsed = splitGid(args.id ?? "");
    return parsed?.typeName === "DraftOrder" ? (ctx.state.draftOrders.get(parsed.id) ?? null) : null;
  },
};

interface DraftLineSource extends DraftOrderLineItemRecord {
  discount: number;
  original: number;
}

function appliedDiscountSource(discount: DraftOrderAppliedDiscountRecord | null, amount: number, currency: string) {
  return discount ? { ...discount, amountSet: moneyBag(amount, currency) } : null;
}

export const draftOrderResolvers: TypeResolvers<DraftOrderRecord> = {
  status: (draft) => draft.status.toUpperCase(),
  createdAt: (draft) => dateTime(draft.createdAt),
  updatedAt: (draft) => dateTime(draft.updatedAt),
  completedAt: () => null,
  invoiceSentAt: () => null,
  note2: (draft) => draft.note,
  currencyCode: (_draft, _args, ctx: ResolverContext) => ctx.state.shop.currency,
  presentmentCurrencyCode: (_draft, _args, ctx: ResolverContext) => ctx.state.shop.currency,
  customer: (draft, _args, ctx: ResolverContext) => (draft.customerId ? (ctx.state.customers.get(draft.customerId) ?? null) : null),
  order: () => null,
  ready: () => true,
  taxExempt: () => false,
  taxesIncluded: () => false,
  visibleToCustomer: () => false,
  billingAddress: (draft) => draft.shippingAddress,
  billingAddressMatchesShippingAddress: () => true,
  invoiceUrl: (draft, _args, ctx: ResolverContext) => `https://${ctx.state.shop.domain}/${ctx.state.shop.id}/invoices/${draft.id}`,
  totalQuantityOfLineItems: (draft) => draft.lineItems.reduce((sum, line) => sum + line.quantity, 0),
  totalWeight: (draft) => String(draft.lineItems.reduce((sum, line) => sum + line.grams * line.quantity, 0)),
  appliedDiscount: (draft, _args, ctx: ResolverContext) => appliedDiscountSource(draft.appliedDiscount, draftTotals(draft).orderDiscount, ctx.state.shop.currency),
  totalLineItemsPriceSet: (draft, _args, ctx: ResolverContext) => moneyBag(draftTotals(draft).totalLineItemsPrice, ctx.state.shop.currency),
  lineItemsSubtotalPrice: (draft, _args, ctx: ResolverContext) => moneyBag(draftTotals(draft).lineItemsSubtotal, ctx.state.shop.currency),
  subtotalPriceSet: (draft, _args, ctx: ResolverContext) => moneyBag(draftTotals(draft).subtotal, ctx.state.shop.currency),
  totalDiscountsSet: (draft, _args, ctx: ResolverContext) => moneyBag(draftTotals(draft).totalDiscounts, ctx.state.shop.currency),
  totalPriceSet: (draft, _args, ctx: ResolverContext) => moneyBag(draftTotals(draft).total, ctx.state.shop.currency),
  totalShippingPriceSet: (_draft, _args, ctx: ResolverContext) => moneyBag(0, ctx.state.shop.currency),
  totalTaxSet: (_draft, _args, ctx: ResolverContext) => moneyBag(0, ctx.state.shop.currency),
  lineItems: (draft, args: ConnectionArgs) =>
    connection(
      draftTotals(draft).lines.map(({ line, discount, original }): DraftLineSource => ({ ...line, discount, original })),
      args,
      (line) => [0, line.id],
    ),
};

export const draftOrderLineItemResolvers: TypeResolvers<DraftLineSource> = {
  name: (line) => (line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title),
  custom: (line) => line.variantId === null,
  isGiftCard: () => false,
  uuid: (line) => line.id,
  product: (line, _args, ctx: ResolverContext) => (line.productId ? (ctx.state.products.get(line.productId) ?? null) : null),
  variant: (line, _args, ctx: ResolverContext) => (line.variantId ? (ctx.state.variants.get(line.variantId) ?? null) : null),
  appliedDiscount: (line, _args, ctx: ResolverContext) => appliedDiscountSource(line.appliedDiscount, line.discount, ctx.state.shop.currency),
  originalUnitPriceSet: (line, _args, ctx: ResolverContext) => moneyBag(line.price, ctx.state.shop.currency),
  originalUnitPriceWithCurrency: (line, _args, ctx: ResolverContext) => moneyV2(line.price, ctx.state.shop.currency),
  originalTotalSet: (line, _args, ctx: ResolverContext) => moneyBag(line.original, ctx.state.shop.currency),
  discountedTotalSet: (line, _args, ctx: ResolverContext) => moneyBag(line.original - line.discount, ctx.state.shop.currency),
  totalDiscountSet: (line, _args, ctx: ResolverContext) => moneyBag(line.discount, ctx.state.shop.currency),
  approximateDiscountedUnitPriceSet: (line, _args, ctx: ResolverContext) =>
    moneyBag(Math.round((line.original - line.discount) / line.quantity), ctx.state.shop.currency),
  taxLines: () => [],
  customAttributes: () => [],
  components: () => [],
};
