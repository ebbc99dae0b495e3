import { toGid } from "../store/ids.ts";
import { financialStatus, restFulfillmentStatus } from "../store/order-math.ts";
import type { ShopState } from "../store/shop-state.ts";
import type {
  CustomerRecord,
  FulfillmentEventRecord,
  FulfillmentRecord,
  OrderRecord,
  ProductRecord,
  RefundRecord,
  ReturnRecord,
} from "../store/types.ts";

// Control-API views of store records. Ids are strings (never JSON numbers) and gids are included.

export function fulfillmentSummary(state: ShopState, fulfillment: FulfillmentRecord) {
  return {
    id: fulfillment.id,
    gid: toGid("Fulfillment", fulfillment.id),
    orderId: fulfillment.orderId,
    name: fulfillment.name,
    status: fulfillment.status,
    shipmentStatus: fulfillment.shipmentStatus,
    tracking: fulfillment.tracking,
    lineItems: fulfillment.lineItems,
    events: state.eventsOf(fulfillment).map(eventSummary),
    createdAt: fulfillment.createdAt.toISOString(),
    updatedAt: fulfillment.updatedAt.toISOString(),
  };
}

export function eventSummary(event: FulfillmentEventRecord) {
  return {
    id: event.id,
    gid: toGid("FulfillmentEvent", event.id),
    fulfillmentId: event.fulfillmentId,
    status: event.status,
    message: event.message,
    happenedAt: event.happenedAt.toISOString(),
    city: event.city,
    province: event.province,
    country: event.country,
    zip: event.zip,
    estimatedDeliveryAt: event.estimatedDeliveryAt?.toISOString() ?? null,
  };
}

export function refundSummary(refund: RefundRecord) {
  return {
    id: refund.id,
    gid: toGid("Refund", refund.id),
    orderId: refund.orderId,
    amount: (refund.transactions.reduce((sum, t) => sum + t.amount, 0) / 100).toFixed(2),
    lineItems: refund.lineItems.map((item) => ({ lineItemId: item.lineItemId, quantity: item.quantity })),
    createdAt: refund.createdAt.toISOString(),
  };
}

export function returnSummary(state: ShopState, record: ReturnRecord) {
  return {
    id: record.id,
    gid: toGid("Return", record.id),
    orderId: record.orderId,
    name: record.name,
    status: record.status,
    lineItems: record.lineItems,
    exchangeLineItems: record.exchangeLineItems,
    decline: record.decline,
    refundIds: record.refundIds,
    reverseFulfillmentOrders: state.reverseFulfillmentOrdersOf(record).map((rfo) => ({
      id: rfo.id,
      status: rfo.status,
      lineItems: rfo.lineItems,
      reverseDeliveries: rfo.reverseDeliveryIds.map((id) => state.reverseDelivery(id)),
    })),
  };
}

export function orderSummary(state: ShopState, order: OrderRecord) {
  return {
    id: order.id,
    gid: toGid("Order", order.id),
    name: order.name,
    email: order.email,
    customerId: order.customerId,
    financialStatus: financialStatus(state, order),
    fulfillmentStatus: restFulfillmentStatus(state, order),
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    lineItems: order.lineItems.map((item) => ({
      id: item.id,
      gid: toGid("LineItem", item.id),
      title: item.title,
      variantTitle: item.variantTitle,
      quantity: item.quantity,
    })),
    fulfillments: state.fulfillmentsOf(order).map((f) => fulfillmentSummary(state, f)),
    refunds: state.refundsOf(order).map(refundSummary),
    returns: state.returnsOf(order).map((record) => returnSummary(state, record)),
  };
}

export function productSummary(product: ProductRecord) {
  return {
    id: product.id,
    gid: toGid("Product", product.id),
    title: product.title,
    variants: product.variants.map((v) => ({ id: v.id, gid: toGid("ProductVariant", v.id), title: v.title, sku: v.sku, price: (v.price / 100).toFixed(2) })),
  };
}

export function customerSummary(customer: CustomerRecord) {
  return {
    id: customer.id,
    gid: toGid("Customer", customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email,
    phone: customer.phone,
    locale: customer.locale,
    emailMarketing: customer.emailMarketing,
    smsMarketing: customer.smsMarketing,
    smsConsentUpdatedAt: customer.smsConsent.updatedAt?.toISOString() ?? null,
  };
}
