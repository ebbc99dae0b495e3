import type { ShopState } from "./shop-state.ts";
import type { Cents, FinancialStatus, LineItemRecord, OrderRecord } from "./types.ts";

/** Amounts and statuses Shopify derives from an order's line items, fulfillments and refunds. */
export interface OrderTotals {
  lineItemsTotal: Cents;
  /** Every discount allocated to the lines; `currentDiscounts` only the share of units not refunded. */
  discounts: Cents;
  currentDiscounts: Cents;
  subtotal: Cents;
  shipping: Cents;
  tax: Cents;
  total: Cents;
  refunded: Cents;
  currentSubtotal: Cents;
  currentShipping: Cents;
  currentTotal: Cents;
  outstanding: Cents;
  totalWeightGrams: number;
}

/** Everything allocated off the whole line (line-level and order-level discounts). */
export function lineDiscount(item: LineItemRecord): Cents {
  return (item.discountAllocations ?? []).reduce((sum, allocation) => sum + allocation.amount, 0);
}

/** The allocations of discounts on this line alone (an exchange's applied discount), not order-level ones. */
export function lineLevelDiscount(item: LineItemRecord): Cents {
  return (item.discountAllocations ?? []).filter((allocation) => allocation.manual).reduce((sum, allocation) => sum + allocation.amount, 0);
}

/**
 * What `quantity` units of a line cost after all discounts: the line's allocations are spread evenly over its
 * units, so part of a line carries its share (rounded to the cent) and the whole line exactly its total.
 */
export function discountedAmount(item: LineItemRecord, quantity: number): Cents {
  const discount = lineDiscount(item);
  const share = quantity === item.quantity ? discount : Math.round((discount * quantity) / item.quantity);
  return item.price * quantity - share;
}

/** Shopify's `discountedUnitPriceAfterAllDiscountsSet`: the line's discounted total over its units, to the cent. */
export function discountedUnitPrice(item: LineItemRecord): Cents {
  return Math.round(discountedAmount(item, item.quantity) / item.quantity);
}

export function refundedQuantity(state: ShopState, order: OrderRecord, lineItemId: string): number {
  return state
    .refundsOf(order)
    .flatMap((refund) => refund.lineItems)
    .filter((item) => item.lineItemId === lineItemId)
    .reduce((sum, item) => sum + item.quantity, 0);
}

export function fulfilledQuantity(state: ShopState, order: OrderRecord, lineItemId: string): number {
  return state
    .fulfillmentsOf(order)
    .filter((fulfillment) => fulfillment.status !== "cancelled" && fulfillment.status !== "error" && fulfillment.status !== "failure")
    .flatMap((fulfillment) => fulfillment.lineItems)
    .filter((item) => item.lineItemId === lineItemId)
    .reduce((sum, item) => sum + item.quantity, 0);
}

/** Quantity still owned by the customer (Shopify's `current_quantity`). */
export function currentQuantity(state: ShopState, order: OrderRecord, item: LineItemRecord): number {
  return item.quantity - refundedQuantity(state, order, item.id);
}

/** Quantity that can still be fulfilled (Shopify's `fulfillable_quantity`). */
export function fulfillableQuantity(state: ShopState, order: OrderRecord, item: LineItemRecord): number {
  if (order.cancelledAt) return 0;
  return Math.max(0, currentQuantity(state, order, item) - fulfilledQuantity(state, order, item.id));
}

export function orderTotals(state: ShopState, order: OrderRecord): OrderTotals {
  const lineItemsTotal = order.lineItems.reduce((sum, item) => sum + item.price * item.quantity, 0);
  const discounts = order.lineItems.reduce((sum, item) => sum + lineDiscount(item), 0);
  const refunds = state.refundsOf(order);
  const refunded = refunds.flatMap((refund) => refund.transactions).reduce((sum, t) => sum + t.amount, 0);
  const refundedShipping = refunds.reduce((sum, refund) => sum + refund.shippingRefund, 0);
  const currentSubtotal = order.lineItems.reduce(
    (sum, item) => sum + discountedAmount(item, currentQuantity(state, order, item)),
    0,
  );
  const currentDiscounts = order.lineItems.reduce((sum, item) => {
    const quantity = currentQuantity(state, order, item);
    return sum + item.price * quantity - discountedAmount(item, quantity);
  }, 0);
  const shipping = order.shippingLine.price;
  const subtotal = lineItemsTotal - discounts;
  const total = subtotal + shipping + order.taxCents;
  const currentShipping = shipping - refundedShipping;
  const paid = order.paymentStatus === "paid" ? total : 0;
  return {
    lineItemsTotal,
    discounts,
    currentDiscounts,
    subtotal,
    shipping,
    tax: order.taxCents,
    total,
    refunded,
    currentSubtotal,
    currentShipping,
    currentTotal: currentSubtotal + currentShipping + order.taxCents,
    outstanding: order.paymentStatus === "voided" ? 0 : Math.max(0, total - paid) + exchangeBalance(state, order),
    totalWeightGrams: order.lineItems.reduce((sum, item) => sum + item.grams * item.quantity, 0),
  };
}

/**
 * What the customer owes for exchanges on a paid order: the new lines (at their discounted price) less the
 * value of returned units that were processed without being refunded, which pays toward them. Never negative:
 * money going back to the customer is a refund, not a negative balance. The checkout payment never covered the
 * exchange lines (see saleTransactions), so this is on top of what the order otherwise owes.
 */
export function exchangeBalance(state: ShopState, order: OrderRecord): Cents {
  if (order.paymentStatus !== "paid") return 0;
  const returns = state.returnsOf(order);
  const exchangeLineIds = new Set(returns.flatMap((record) => record.exchangeLineItems.flatMap((item) => item.lineItemIds)));
  const charged = order.lineItems.filter((item) => exchangeLineIds.has(item.id)).reduce((sum, item) => sum + discountedAmount(item, item.quantity), 0);
  if (charged === 0) return 0;
  const credited = returns
    .flatMap((record) => record.lineItems)
    .reduce((sum, returned) => {
      const line = order.lineItems.find((item) => item.id === returned.lineItemId);
      const kept = Math.max(0, returned.processedQuantity - returned.refundedQuantity);
      return line && kept > 0 ? sum + discountedAmount(line, kept) : sum;
    }, 0);
  return Math.max(0, charged - credited);
}

export function financialStatus(state: ShopState, order: OrderRecord): FinancialStatus {
  if (order.paymentStatus !== "paid") return order.paymentStatus;
  const { refunded, total } = orderTotals(state, order);
  if (refunded <= 0) return "paid";
  return refunded >= total ? "refunded" : "partially_refunded";
}

/** REST `fulfillment_status`: null while nothing shipped, "partial", or "fulfilled". */
export function restFulfillmentStatus(state: ShopState, order: OrderRecord): "fulfilled" | "partial" | null {
  const shippable = order.lineItems.filter((item) => currentQuantity(state, order, item) > 0);
  const fulfilledAny = order.lineItems.some((item) => fulfilledQuantity(state, order, item.id) > 0);
  if (!fulfilledAny) return null;
  const allFulfilled = shippable.every(
    (item) => fulfilledQuantity(state, order, item.id) >= currentQuantity(state, order, item),
  );
  return allFulfilled ? "fulfilled" : "partial";
}

/** `#1001`-style name plus `.1`, `.2` … for fulfillments, as Shopify names them. */
export function nextFulfillmentName(order: OrderRecord): string {
  return `${order.name}.${order.fulfillmentIds.length + 1}`;
}

export function formatCents(cents: Cents): string {
  return (cents / 100).toFixed(2);
}
