import type { NumericId } from "./ids.ts";

/** What changed in the store; the webhook layer turns each into the topics Shopify emits for it. */
export type StoreChange =
  | { kind: "customer.created"; customerId: NumericId }
  /** SMS and/or email consent changed; `customerUpdated` adds `customers/update` (not sent for consent given at sign-up). */
  | { kind: "customer.consent_updated"; customerId: NumericId; sms: boolean; email: boolean; customerUpdated: boolean }
  | { kind: "order.created"; orderId: NumericId }
  | { kind: "order.updated"; orderId: NumericId }
  | { kind: "order.cancelled"; orderId: NumericId; refundId: NumericId | null }
  | { kind: "fulfillment.created"; orderId: NumericId; fulfillmentId: NumericId }
  | { kind: "fulfillment.updated"; orderId: NumericId; fulfillmentId: NumericId }
  | { kind: "fulfillment_event.created"; orderId: NumericId; fulfillmentId: NumericId; eventId: NumericId }
  | { kind: "refund.created"; orderId: NumericId; refundId: NumericId }
  | { kind: "return.changed"; action: ReturnAction; returnId: NumericId; orderId: NumericId }
  | {
      kind: "return.processed";
      returnId: NumericId;
      orderId: NumericId;
      refundId: NumericId | null;
      disposedReverseFulfillmentOrderIds: NumericId[];
      closed: boolean;
    }
  | { kind: "reverse_delivery.attached"; returnId: NumericId; reverseDeliveryId: NumericId }
  | { kind: "discount.created"; discountId: NumericId }
  | { kind: "draft_order.created"; draftOrderId: NumericId }
  | { kind: "app.uninstalled" }
  | { kind: "app.scopes_updated"; previous: string[]; current: string[] }
  | { kind: "customers.data_request"; customerId: NumericId; dataRequestId: NumericId }
  | { kind: "customers.redact"; customerId: NumericId }
  | { kind: "shop.redact" };

export type ReturnAction = "request" | "approve" | "decline" | "cancel" | "close" | "reopen" | "process";

/** One merchant/customer action: every topic it causes shares the event id, like X-Shopify-Event-Id. */
export interface StoreEvent {
  eventId: string;
  shop: string;
  occurredAt: Date;
  change: StoreChange;
}

export type StoreListener = (event: StoreEvent) => void;
