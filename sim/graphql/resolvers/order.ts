import { currentQuantity, discountedUnitPrice, financialStatus, lineDiscount, lineLevelDiscount, orderTotals, restFulfillmentStatus } from "../../store/order-math.ts";
import type { Address, DiscountAllocationRecord, LineItemRecord, OrderRecord, RefundRecord, ShippingLineRecord } from "../../store/types.ts";
import { orderStatusUrl } from "../../store/urls.ts";
import { connection, firstOf, type ConnectionArgs } from "../connection.ts";
import type { ResolverContext, TypeResolvers } from "../resolver-types.ts";
import { dateTime, moneyBag } from "../scalars.ts";
import { orderTransactions } from "./returns.ts";

/** A line item knows its order for derived quantities. */
export interface LineItemSource extends LineItemRecord {
  order: OrderRecord;
}

export function lineItemSource(order: OrderRecord, item: LineItemRecord): LineItemSource {
  return { ...item, order };
}

/** Shopify's summary of an order's returns: an open one wins over a request, which wins over finished ones. */
function orderReturnStatus(statuses: string[]): string {
  if (statuses.includes("open")) return "IN_PROGRESS";
  if (statuses.includes("requested")) return "RETURN_REQUESTED";
  if (statuses.includes("closed")) return "RETURNED";
  return "NO_RETURN";
}

const DISPLAY_FULFILLMENT: Record<string, string> = { fulfilled: "FULFILLED", partial: "PARTIALLY_FULFILLED" };

export const orderResolvers: TypeResolvers<OrderRecord> = {
  cancelReason: (order) => order.cancelReason?.toUpperCase() ?? null,
  currencyCode: (order) => order.currency,
  presentmentCurrencyCode: (order) => order.currency,
  displayFinancialStatus: (order, _args, ctx: ResolverContext) => financialStatus(ctx.state, order).toUpperCase(),
  displayFulfillmentStatus: (order, _args, ctx: ResolverContext) => {
    const status = restFulfillmentStatus(ctx.state, order);
    return status ? DISPLAY_FULFILLMENT[status] : "UNFULFILLED";
  },
  totalPriceSet: (order, _args, ctx: ResolverContext) => moneyBag(orderTotals(ctx.state, order).total, order.currency),
  currentTotalPriceSet: (order, _args, ctx: ResolverContext) => moneyBag(orderTotals(ctx.state, order).currentTotal, order.currency),
  subtotalPriceSet: (order, _args, ctx: ResolverContext) => moneyBag(orderTotals(ctx.state, order).subtotal, order.currency),
  totalShippingPriceSet: (order) => moneyBag(order.shippingLine.price, order.currency),
  totalRefundedSet: (order, _args, ctx: ResolverContext) => moneyBag(orderTotals(ctx.state, order).refunded, order.currency),
  totalOutstandingSet: (order, _args, ctx: ResolverContext) => moneyBag(orderTotals(ctx.state, order).outstanding, order.currency),
  customer: (order, _args, ctx: ResolverContext) => (order.customerId ? (ctx.state.customers.get(order.customerId) ?? null) : null),
  statusPageUrl: (order, _args, ctx: ResolverContext) => orderStatusUrl(ctx.state.shop, order),
  shippingAddress: (order) => order.shippingAddress,
  billingAddress: (order) => order.billingAddress,
  note: (order) => order.note,
  closed: (order) => order.closedAt !== null,
  test: (order) => order.test,
  confirmed: () => true,
  discountCodes: (order) => order.discountCodes ?? [],
  // The stand-in's order has exactly one shipping line, never removed by an edit.
  shippingLines: (order, args: ConnectionArgs) =>
    connection([{ ...order.shippingLine, currency: order.currency }], args, (line) => [0, line.id]),
  lineItems: (order, args: ConnectionArgs) =>
    connection(order.lineItems.map((item) => lineItemSource(order, item)), args, (item) => [0, item.id]),
  fulfillments: (order, args: { first?: number | null }, ctx: ResolverContext) =>
    firstOf(ctx.state.fulfillmentsOf(order), args.first),
  refunds: (order, args: { first?: number | null }, ctx: ResolverContext) => firstOf(ctx.state.refundsOf(order), args.first),
  returns: (order, args: ConnectionArgs, ctx: ResolverContext) =>
    connection(ctx.state.returnsOf(order), args, (record) => [0, record.id]),
  transactions: (order, args: { first?: number | null }, ctx: ResolverContext) => firstOf(orderTransactions(ctx.state, order), args.first),
  returnStatus: (order, _args, ctx: ResolverContext) => orderReturnStatus(ctx.state.returnsOf(order).map((r) => r.status)),
};

export const lineItemResolvers: TypeResolvers<LineItemSource> = {
  name: (item) => (item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title),
  currentQuantity: (item, _args, ctx: ResolverContext) => currentQuantity(ctx.state, item.order, item),
  product: (item, _args, ctx: ResolverContext) => (item.productId ? (ctx.state.products.get(item.productId) ?? null) : null),
  variant: (item, _args, ctx: ResolverContext) => (item.variantId ? (ctx.state.variants.get(item.variantId) ?? null) : null),
  originalUnitPriceSet: (item) => moneyBag(item.price, item.order.currency),
  // Order-level allocations (a code's share of the line) are left out of discountedUnitPriceSet and
  // discountedTotalSet and counted in the "after all discounts" price and totalDiscountSet; a discount on the line
  // alone (an exchange's applied discount) counts in all of them.
  discountedUnitPriceSet: (item) => moneyBag(item.price - Math.round(lineLevelDiscount(item) / item.quantity), item.order.currency),
  discountedTotalSet: (item) => moneyBag(item.price * item.quantity - lineLevelDiscount(item), item.order.currency),
  discountedUnitPriceAfterAllDiscountsSet: (item) => moneyBag(discountedUnitPrice(item), item.order.currency),
  originalTotalSet: (item) => moneyBag(item.price * item.quantity, item.order.currency),
  totalDiscountSet: (item) => moneyBag(lineDiscount(item), item.order.currency),
  discountAllocations: (item) => (item.discountAllocations ?? []).map((allocation) => discountAllocationSource(item.order, allocation)),
  image: (item) => (item.imageUrl ? { id: null, url: item.imageUrl, altText: item.title, width: 1200, height: 1200 } : null),
};

/**
 * A line's `DiscountAllocation`: a hand-applied discount (an exchange's) is a ManualDiscountApplication, a code
 * the order carries a DiscountCodeApplication, anything else an automatic discount.
 */
function discountAllocationSource(order: OrderRecord, allocation: DiscountAllocationRecord) {
  const allocatedAmountSet = moneyBag(allocation.amount, order.currency);
  const shared = { index: 0, targetType: "LINE_ITEM", allocationMethod: allocation.manual ? "EACH" : "ACROSS", targetSelection: allocation.manual ? "EXPLICIT" : "ALL" };
  const manual = allocation.manual;
  const discountApplication = manual
    ? {
        __typename: "ManualDiscountApplication",
        ...shared,
        title: allocation.title,
        description: manual.description,
        value: "amount" in manual.value ? { __typename: "MoneyV2", ...moneyBag(manual.value.amount, order.currency).shopMoney } : { __typename: "PricingPercentageValue", percentage: manual.value.percentage },
      }
    : (order.discountCodes ?? []).includes(allocation.title)
      ? { __typename: "DiscountCodeApplication", ...shared, code: allocation.title }
      : { __typename: "AutomaticDiscountApplication", ...shared, title: allocation.title };
  return { allocatedAmount: allocatedAmountSet.shopMoney, allocatedAmountSet, discountApplication };
}

/** A shipping line knows its order's currency for its money fields. */
type ShippingLineSource = ShippingLineRecord & { currency: string };

export const shippingLineResolvers: TypeResolvers<ShippingLineSource> = {
  source: () => "shopify",
  carrierIdentifier: () => null,
  isRemoved: () => false,
  originalPriceSet: (line) => moneyBag(line.price, line.currency),
  discountedPriceSet: (line) => moneyBag(line.price, line.currency),
  currentDiscountedPriceSet: (line) => moneyBag(line.price, line.currency),
};

export const mailingAddressResolvers: TypeResolvers<Address> = {
  countryCodeV2: (address) => address.countryCode,
  name: (address) => `${address.firstName} ${address.lastName}`.trim(),
  formatted: (address) => [address.address1, address.address2, `${address.city} ${address.provinceCode ?? ""} ${address.zip}`.replace(/\s+/g, " ").trim(), address.country].filter(Boolean),
};

export const refundResolvers: TypeResolvers<RefundRecord> = {
  createdAt: (refund) => dateTime(refund.createdAt),
  updatedAt: (refund) => dateTime(refund.processedAt),
  processedAt: (refund) => dateTime(refund.processedAt),
  order: (refund, _args, ctx: ResolverContext) => ctx.state.order(refund.orderId),
  return: (refund, _args, ctx: ResolverContext) => (refund.returnId ? (ctx.state.returns.get(refund.returnId) ?? null) : null),
  staffMember: () => null,
  duties: () => [],
  transactions: (refund, args: ConnectionArgs) => connection(refund.transactions, args, (t) => [0, t.id]),
  totalRefundedSet: (refund, _args, ctx: ResolverContext) =>
    moneyBag(refund.transactions.reduce((sum, t) => sum + t.amount, 0), ctx.state.order(refund.orderId).currency),
  refundLineItems: (refund, args: ConnectionArgs, ctx: ResolverContext) => {
    const order = ctx.state.order(refund.orderId);
    const items = refund.lineItems.map((rli) => ({
      ...rli,
      restockType: rli.restockType.toUpperCase(),
      lineItem: lineItemSource(order, order.lineItems.find((li) => li.id === rli.lineItemId)!),
      subtotalSet: moneyBag(rli.subtotal, order.currency),
    }));
    return connection(items, args, (item) => [0, item.id]);
  },
};
