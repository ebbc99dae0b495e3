import type { StoreEvent } from "../store/events.ts";
import { financialStatus, restFulfillmentStatus } from "../store/order-math.ts";
import type { SimStore } from "../store/store.ts";
import { customersDataRequestPayload, customersRedactPayload, scopesUpdatePayload, shopRedactPayload } from "./payloads/compliance.ts";
import { customerPayload, emailConsentPayload, smsConsentPayload } from "./payloads/customer.ts";
import { discountPayload } from "./payloads/discount.ts";
import { draftOrderPayload } from "./payloads/draft-order.ts";
import { fulfillmentEventPayload, fulfillmentPayload } from "./payloads/fulfillment.ts";
import { orderPayload } from "./payloads/order.ts";
import { refundPayload } from "./payloads/refund.ts";
import { disposePayload, returnPayload, reverseDeliveryPayload } from "./payloads/return.ts";
import { shopPayload } from "./payloads/shop.ts";

export interface TopicMessage {
  topic: string;
  payload: unknown;
}

let scopesUpdateSequence = 0;

/**
 * The webhook topics Shopify emits for one store event, in the order Shopify sends them, with payloads
 * built now so later changes do not leak into them.
 */
export function topicsForEvent(store: SimStore, event: StoreEvent): TopicMessage[] {
  const state = store.state(event.shop);
  const change = event.change;
  const order = () => orderPayload(state, state.order((change as { orderId: string }).orderId));
  switch (change.kind) {
    case "customer.created":
      return [{ topic: "customers/create", payload: customerPayload(state.customer(change.customerId), state.shop) }];
    case "customer.consent_updated": {
      const customer = state.customer(change.customerId);
      const messages: TopicMessage[] = [];
      if (change.customerUpdated) messages.push({ topic: "customers/update", payload: customerPayload(customer, state.shop) });
      if (change.sms) messages.push({ topic: "customers_marketing_consent/update", payload: smsConsentPayload(customer, state.shop) });
      if (change.email) messages.push({ topic: "customers_email_marketing_consent/update", payload: emailConsentPayload(customer, state.shop) });
      return messages;
    }
    case "order.created": {
      const record = state.order(change.orderId);
      const payload = order();
      const messages = [{ topic: "orders/create", payload }];
      if (financialStatus(state, record) === "paid") messages.push({ topic: "orders/paid", payload });
      messages.push({ topic: "orders/updated", payload });
      return messages;
    }
    case "order.updated":
      return [{ topic: "orders/updated", payload: order() }];
    case "order.cancelled": {
      const payload = order();
      const messages: TopicMessage[] = [{ topic: "orders/cancelled", payload }];
      if (change.refundId) messages.push({ topic: "refunds/create", payload: refundPayload(state, state.refund(change.refundId)) });
      messages.push({ topic: "orders/updated", payload });
      return messages;
    }
    case "fulfillment.created": {
      const payload = order();
      const status = restFulfillmentStatus(state, state.order(change.orderId));
      return [
        { topic: "fulfillments/create", payload: fulfillmentPayload(state, state.fulfillment(change.fulfillmentId)) },
        { topic: status === "fulfilled" ? "orders/fulfilled" : "orders/partially_fulfilled", payload },
        { topic: "orders/updated", payload },
      ];
    }
    case "fulfillment.updated":
      return [
        { topic: "fulfillments/update", payload: fulfillmentPayload(state, state.fulfillment(change.fulfillmentId)) },
        { topic: "orders/updated", payload: order() },
      ];
    case "fulfillment_event.created":
      return [
        { topic: "fulfillment_events/create", payload: fulfillmentEventPayload(state, state.fulfillmentEvents.get(change.eventId)!) },
        { topic: "fulfillments/update", payload: fulfillmentPayload(state, state.fulfillment(change.fulfillmentId)) },
        { topic: "orders/updated", payload: order() },
      ];
    case "refund.created":
      return [
        { topic: "refunds/create", payload: refundPayload(state, state.refund(change.refundId)) },
        { topic: "orders/updated", payload: order() },
      ];
    case "return.changed":
      return [{ topic: `returns/${change.action}`, payload: returnPayload(state, state.return(change.returnId), change.action) }];
    case "return.processed": {
      const record = state.return(change.returnId);
      const messages: TopicMessage[] = [];
      if (change.refundId) messages.push({ topic: "refunds/create", payload: refundPayload(state, state.refund(change.refundId)) });
      for (const id of change.disposedReverseFulfillmentOrderIds) {
        messages.push({ topic: "reverse_fulfillment_orders/dispose", payload: disposePayload(state.reverseFulfillmentOrder(id)) });
      }
      messages.push({ topic: "returns/process", payload: returnPayload(state, record, "process") });
      if (change.closed) messages.push({ topic: "returns/close", payload: returnPayload(state, record, "close") });
      messages.push({ topic: "orders/updated", payload: order() });
      return messages;
    }
    case "reverse_delivery.attached":
      return [{ topic: "reverse_deliveries/attach_deliverable", payload: reverseDeliveryPayload(state, state.reverseDelivery(change.reverseDeliveryId)) }];
    case "discount.created":
      return [{ topic: "discounts/create", payload: discountPayload(state, state.discounts.get(change.discountId)!, event.occurredAt) }];
    case "draft_order.created":
      return [{ topic: "draft_orders/create", payload: draftOrderPayload(state, state.draftOrders.get(change.draftOrderId)!) }];
    case "app.uninstalled":
      return [{ topic: "app/uninstalled", payload: shopPayload(state) }];
    case "app.scopes_updated":
      return [{ topic: "app/scopes_update", payload: scopesUpdatePayload(state, change.previous, change.current, event.occurredAt, ++scopesUpdateSequence) }];
    case "customers.data_request":
      return [{ topic: "customers/data_request", payload: customersDataRequestPayload(state, change.customerId, change.dataRequestId) }];
    case "customers.redact":
      return [{ topic: "customers/redact", payload: customersRedactPayload(state, change.customerId) }];
    case "shop.redact":
      return [{ topic: "shop/redact", payload: shopRedactPayload(state) }];
  }
}
