import type { ReturnAction } from "../../store/events.ts";
import { toGid } from "../../store/ids.ts";
import type { ShopState } from "../../store/shop-state.ts";
import type { ReturnRecord, ReverseDeliveryRecord, ReverseFulfillmentOrderRecord } from "../../store/types.ts";
import { idNumber, moneySet, nullableId, shopTime } from "./format.ts";

function ref(typeName: string, id: string) {
  return { id: idNumber(id), admin_graphql_api_id: toGid(typeName, id) };
}

/** `returns/request` and `returns/approve` carry the line items, fees and exchanges, as in Shopify's samples. */
function fullReturn(state: ShopState, record: ReturnRecord) {
  return {
    ...ref("Return", record.id),
    status: record.status,
    order: ref("Order", record.orderId),
    total_return_line_items: record.lineItems.reduce((sum, item) => sum + item.quantity, 0),
    name: record.name,
    return_line_items: record.lineItems.map((item) => ({
      ...ref("ReturnLineItem", item.id),
      fulfillment_line_item: {
        ...ref("FulfillmentLineItem", item.fulfillmentLineItemId),
        line_item: ref("LineItem", item.lineItemId),
      },
      quantity: item.quantity,
      return_reason: item.returnReason.toLowerCase(),
      return_reason_note: item.returnReasonNote,
      customer_note: item.customerNote,
    })),
    return_shipping_fees: record.shippingFee
      ? [{ ...ref("ReturnShippingFee", record.shippingFee.id), price: moneySet(record.shippingFee.amount, state.order(record.orderId).currency) }]
      : [],
    exchange_line_items: record.exchangeLineItems.map((item) => ({
      ...ref("ExchangeLineItem", item.id),
      line_item: item.lineItemIds[0] ? ref("LineItem", item.lineItemIds[0]) : null,
    })),
    total_exchange_line_items: record.exchangeLineItems.reduce((sum, item) => sum + item.quantity, 0),
  };
}

/** `returns/<action>`; each action has its own, smaller shape in Shopify's samples. */
export function returnPayload(state: ShopState, record: ReturnRecord, action: ReturnAction): Record<string, unknown> {
  const head = ref("Return", record.id);
  switch (action) {
    case "request":
    case "approve":
      return fullReturn(state, record);
    case "decline":
      return {
        ...head,
        status: record.status,
        order: ref("Order", record.orderId),
        decline: record.decline ? { reason: record.decline.reason.toLowerCase(), note: record.decline.note } : null,
      };
    case "cancel":
    case "close":
    case "reopen":
      return { ...head, order_id: idNumber(record.orderId), status: record.status };
    case "process":
      return processPayload(record);
  }
}

/**
 * `returns/process`. Shopify's published sample for 2026-07 is an empty object, so this carries the
 * return's identity and what was processed, in the same spelling as the other return topics.
 */
function processPayload(record: ReturnRecord): Record<string, unknown> {
  return {
    ...ref("Return", record.id),
    order_id: idNumber(record.orderId),
    status: record.status,
    return_line_items: record.lineItems.map((item) => ({
      ...ref("ReturnLineItem", item.id),
      quantity: item.quantity,
      processed_quantity: item.processedQuantity,
    })),
    exchange_line_items: record.exchangeLineItems.map((item) => ({
      ...ref("ExchangeLineItem", item.id),
      quantity: item.quantity,
      processed_quantity: item.processedQuantity,
      line_items: item.lineItemIds.map((id) => ref("LineItem", id)),
    })),
    refunds: record.refundIds.map((id) => ref("Refund", id)),
  };
}

/** `reverse_deliveries/attach_deliverable`. */
export function reverseDeliveryPayload(state: ShopState, delivery: ReverseDeliveryRecord) {
  const rfo = state.reverseFulfillmentOrder(delivery.reverseFulfillmentOrderId);
  return {
    ...ref("ReverseDelivery", delivery.id),
    return: ref("Return", rfo.returnId),
    shipping_deliverable: {
      tracking: {
        carrier_name: delivery.tracking?.carrierName ?? null,
        tracking_number: delivery.tracking?.number ?? null,
        tracking_url: delivery.tracking?.url ?? null,
      },
      label: {
        public_file_url: delivery.label?.fileUrl ?? null,
        created_at: shopTime(delivery.label?.createdAt ?? null, state.shop.ianaTimezone),
      },
    },
  };
}

/** `reverse_fulfillment_orders/dispose`: every disposition recorded so far on the reverse fulfillment order. */
export function disposePayload(rfo: ReverseFulfillmentOrderRecord) {
  const dispositions = rfo.lineItems.flatMap((line) =>
    line.dispositions.map((disposition) => ({
      reverse_fulfillment_order_line_item: ref("ReverseFulfillmentOrderLineItem", line.id),
      reverse_delivery_line_item: null,
      type: disposition.type.toLowerCase(),
      location: disposition.locationId ? { id: nullableId(disposition.locationId), admin_graphql_api_id: toGid("Location", disposition.locationId) } : null,
      quantity: disposition.quantity,
    })),
  );
  return { ...ref("ReverseFulfillmentOrder", rfo.id), dispositions, total_dispositions: dispositions.length };
}
