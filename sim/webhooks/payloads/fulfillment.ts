import { toGid } from "../../store/ids.ts";
import type { ShopState } from "../../store/shop-state.ts";
import type { FulfillmentEventRecord, FulfillmentRecord } from "../../store/types.ts";
import { addressPayload } from "./address.ts";
import { idNumber, shopTime } from "./format.ts";
import { nestedLineItemPayload } from "./line-item.ts";

/** `fulfillments/create`, `fulfillments/update`, and each entry of an order's `fulfillments`. */
export function fulfillmentPayload(state: ShopState, fulfillment: FulfillmentRecord) {
  const order = state.order(fulfillment.orderId);
  const tz = state.shop.ianaTimezone;
  const first = fulfillment.tracking[0];
  return {
    id: idNumber(fulfillment.id),
    order_id: idNumber(order.id),
    status: fulfillment.status,
    created_at: shopTime(fulfillment.createdAt, tz),
    service: "manual",
    updated_at: shopTime(fulfillment.updatedAt, tz),
    tracking_company: first?.company ?? null,
    shipment_status: fulfillment.shipmentStatus,
    location_id: idNumber(fulfillment.locationId),
    origin_address: null,
    email: order.email,
    destination: addressPayload(order.shippingAddress),
    line_items: fulfillment.lineItems.map((fli) => {
      const item = order.lineItems.find((li) => li.id === fli.lineItemId)!;
      return nestedLineItemPayload(state, order, item, fli.quantity);
    }),
    tracking_number: first?.number ?? null,
    tracking_numbers: fulfillment.tracking.map((t) => t.number),
    tracking_url: first?.url ?? null,
    tracking_urls: fulfillment.tracking.map((t) => t.url).filter((url): url is string => url !== null),
    receipt: {},
    name: fulfillment.name,
    admin_graphql_api_id: toGid("Fulfillment", fulfillment.id),
  };
}

/** `fulfillment_events/create`. */
export function fulfillmentEventPayload(state: ShopState, event: FulfillmentEventRecord) {
  const tz = state.shop.ianaTimezone;
  return {
    id: idNumber(event.id),
    fulfillment_id: idNumber(event.fulfillmentId),
    status: event.status,
    message: event.message,
    happened_at: shopTime(event.happenedAt, tz),
    city: event.city,
    province: event.province,
    country: event.country,
    zip: event.zip,
    address1: event.address1,
    latitude: event.latitude,
    longitude: event.longitude,
    shop_id: idNumber(state.shop.id),
    created_at: shopTime(event.createdAt, tz),
    updated_at: shopTime(event.updatedAt, tz),
    estimated_delivery_at: shopTime(event.estimatedDeliveryAt, tz),
    order_id: idNumber(event.orderId),
    admin_graphql_api_id: toGid("FulfillmentEvent", event.id),
  };
}
