import { throwIfInvalid } from "./errors.ts";
import type { NumericId } from "./ids.ts";
import { currentQuantity, discountedAmount, orderTotals } from "./order-math.ts";
import type { SimStore } from "./store.ts";
import type { Cents, OrderRecord, RefundLineItemRecord, RefundRecord, TransactionRecord } from "./types.ts";

export interface CreateRefundInput {
  lineItems?: { lineItemId: NumericId; quantity: number; restockType?: RefundLineItemRecord["restockType"] }[];
  /** Refund the whole shipping charge. */
  shipping?: boolean;
  /** Refund this much of the shipping charge instead (returns processing). */
  shippingAmount?: Cents;
  /**
   * The money movements, when the caller decides them (returns processing: original payment and store
   * credit); by default one refund of the line items and shipping against the order's sale.
   */
  transactions?: { amount: Cents; gateway: string; parentId: NumericId | null }[];
  note?: string | null;
  returnId?: NumericId | null;
  at?: Date;
}

/** Builds and stores a refund without emitting; callers decide which event it belongs to. */
export function recordRefund(store: SimStore, domain: string, order: OrderRecord, input: CreateRefundInput, at: Date): RefundRecord {
  const state = store.state(domain);
  const lineItems: RefundLineItemRecord[] = (input.lineItems ?? []).map((requested) => {
    const item = order.lineItems.find((li) => li.id === requested.lineItemId);
    throwIfInvalid(!item, `Line item ${requested.lineItemId} is not part of order ${order.name}`);
    const refundable = currentQuantity(state, order, item!);
    throwIfInvalid(requested.quantity < 1 || requested.quantity > refundable, `Cannot refund ${requested.quantity} of ${item!.title}; ${refundable} refundable`);
    return {
      id: store.ids.allocate(),
      lineItemId: item!.id,
      quantity: requested.quantity,
      restockType: requested.restockType ?? "no_restock",
      locationId: requested.restockType && requested.restockType !== "no_restock" ? state.shop.primaryLocationId : null,
      subtotal: discountedAmount(item!, requested.quantity),
      totalTax: 0,
    };
  });
  const shippingRefund = input.shippingAmount ?? (input.shipping ? orderTotals(state, order).currentShipping : 0);
  const amount = lineItems.reduce((sum, item) => sum + item.subtotal, 0) + shippingRefund;
  if (!input.transactions) throwIfInvalid(amount <= 0, "A refund needs line items or shipping to refund");
  const transaction = (amountCents: Cents, gateway: string, parentId: NumericId | null): TransactionRecord => ({
    id: store.ids.allocate(),
    orderId: order.id,
    kind: "refund",
    gateway,
    status: "success",
    amount: amountCents,
    message: "Refund processed",
    parentId,
    createdAt: at,
  });
  const refund: RefundRecord = {
    id: store.ids.allocate(),
    orderId: order.id,
    note: input.note ?? null,
    restock: lineItems.some((item) => item.restockType !== "no_restock"),
    lineItems,
    shippingRefund,
    shippingRefundLineId: shippingRefund > 0 ? store.ids.allocate() : null,
    transactions: input.transactions
      ? input.transactions.map((t) => transaction(t.amount, t.gateway, t.parentId))
      : order.paymentStatus === "paid"
        ? [transaction(amount, order.paymentGateway, order.saleTransactionId)]
        : [],
    returnId: input.returnId ?? null,
    createdAt: at,
    processedAt: at,
  };
  state.refunds.set(refund.id, refund);
  order.refundIds.push(refund.id);
  order.updatedAt = at;
  return refund;
}

/** A merchant refund: `refunds/create` and `orders/updated`. */
export function createRefund(store: SimStore, domain: string, orderId: NumericId, input: CreateRefundInput): RefundRecord {
  const order = store.state(domain).order(orderId);
  const at = store.now(input.at);
  const refund = recordRefund(store, domain, order, input, at);
  store.emit(domain, { kind: "refund.created", orderId, refundId: refund.id }, at);
  return refund;
}
