import type { ReturnAction } from "../../store/events.ts";
import { toGid } from "../../store/ids.ts";
import type { ReturnRecord } from "../../store/types.ts";
import { idNumber } from "./format.ts";

function orderRef(record: ReturnRecord) {
  return { id: idNumber(record.orderId), admin_graphql_api_id: toGid("Order", record.orderId) };
}

/** `returns/<action>`; each action has its own, smaller shape in Shopify's samples. */
export function returnPayload(record: ReturnRecord, action: ReturnAction): Record<string, unknown> {
  const head = { id: idNumber(record.id), admin_graphql_api_id: toGid("Return", record.id) };
  const totalQuantity = record.lineItems.reduce((sum, item) => sum + item.quantity, 0);
  switch (action) {
    case "request":
    case "approve":
      return {
        ...head,
        status: record.status,
        order: orderRef(record),
        total_return_line_items: totalQuantity,
        name: record.name,
        return_line_items: record.lineItems.map((item) => ({
          id: idNumber(item.id),
          admin_graphql_api_id: toGid("ReturnLineItem", item.id),
          fulfillment_line_item: {
            id: idNumber(item.fulfillmentLineItemId),
            admin_graphql_api_id: toGid("FulfillmentLineItem", item.fulfillmentLineItemId),
            line_item: { id: idNumber(item.lineItemId), admin_graphql_api_id: toGid("LineItem", item.lineItemId) },
          },
          quantity: item.quantity,
          return_reason: item.returnReason.toLowerCase(),
          return_reason_note: "",
          customer_note: item.customerNote,
        })),
        return_shipping_fees: [],
        exchange_line_items: [],
        total_exchange_line_items: 0,
      };
    case "decline":
      return { ...head, status: record.status, order: orderRef(record), decline: record.decline };
    case "cancel":
    case "close":
    case "reopen":
      return { ...head, order_id: idNumber(record.orderId), status: record.status };
    case "process":
      return { ...head, order_id: idNumber(record.orderId), status: record.status };
  }
}
