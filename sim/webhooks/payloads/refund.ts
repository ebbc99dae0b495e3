import { toGid } from "../../store/ids.ts";
import type { ShopState } from "../../store/shop-state.ts";
import type { RefundRecord, TransactionRecord } from "../../store/types.ts";
import { idNumber, moneySet, nullableId, price, shopTime } from "./format.ts";
import { nestedLineItemPayload } from "./line-item.ts";

function transactionPayload(state: ShopState, transaction: TransactionRecord, orderName: string) {
  const tz = state.shop.ianaTimezone;
  const zero = { amount: "0.0", currency: state.shop.currency };
  return {
    id: idNumber(transaction.id),
    order_id: idNumber(transaction.orderId),
    kind: transaction.kind,
    gateway: transaction.gateway,
    status: transaction.status,
    message: transaction.message,
    created_at: shopTime(transaction.createdAt, tz),
    test: false,
    authorization: null,
    location_id: null,
    user_id: null,
    parent_id: nullableId(transaction.parentId ?? null),
    processed_at: shopTime(transaction.createdAt, tz),
    device_id: null,
    error_code: null,
    source_name: "web",
    receipt: {},
    amount: price(transaction.amount),
    currency: state.shop.currency,
    payment_id: `${orderName}.${transaction.id.slice(-1)}`,
    total_unsettled_set: { presentment_money: zero, shop_money: { ...zero } },
    manual_payment_gateway: false,
    amount_rounding: null,
    admin_graphql_api_id: toGid("OrderTransaction", transaction.id),
  };
}

/** `refunds/create`, and each entry of an order's `refunds`. */
export function refundPayload(state: ShopState, refund: RefundRecord) {
  const order = state.order(refund.orderId);
  const tz = state.shop.ianaTimezone;
  const currency = order.currency;
  return {
    id: idNumber(refund.id),
    order_id: idNumber(order.id),
    created_at: shopTime(refund.createdAt, tz),
    note: refund.note,
    user_id: state.owner().id,
    processed_at: shopTime(refund.processedAt, tz),
    duties: [],
    total_duties_set: moneySet(0, currency),
    return: refund.returnId ? { id: idNumber(refund.returnId), admin_graphql_api_id: toGid("Return", refund.returnId) } : null,
    refund_shipping_lines:
      refund.shippingRefundLineId
        ? [
            {
              id: idNumber(refund.shippingRefundLineId),
              shipping_line_id: idNumber(order.shippingLine.id),
              subtotal_amount_set: moneySet(refund.shippingRefund, currency),
            },
          ]
        : [],
    restock: refund.restock,
    admin_graphql_api_id: toGid("Refund", refund.id),
    order_adjustments: [],
    refund_line_items: refund.lineItems.map((rli) => {
      const item = order.lineItems.find((li) => li.id === rli.lineItemId)!;
      return {
        id: idNumber(rli.id),
        quantity: rli.quantity,
        line_item_id: idNumber(rli.lineItemId),
        location_id: nullableId(rli.locationId),
        restock_type: rli.restockType,
        // Shopify sends these two as JSON numbers, unlike every other amount.
        subtotal: rli.subtotal / 100,
        total_tax: rli.totalTax / 100,
        subtotal_set: moneySet(rli.subtotal, currency),
        total_tax_set: moneySet(rli.totalTax, currency),
        line_item: nestedLineItemPayload(state, order, item, item.quantity),
      };
    }),
    transactions: refund.transactions.map((t) => transactionPayload(state, t, order.name)),
  };
}
