import type { NumericId } from "../../store/ids.ts";
import type { ShopState } from "../../store/shop-state.ts";
import { idNumber } from "./format.ts";

function customerRef(state: ShopState, customerId: NumericId) {
  const customer = state.customer(customerId);
  return { id: idNumber(customer.id), email: customer.email, phone: customer.phone };
}

function orderIdsOf(state: ShopState, customerId: NumericId) {
  return [...state.orders.values()].filter((o) => o.customerId === customerId).map((o) => idNumber(o.id));
}

/** `customers/data_request`. */
export function customersDataRequestPayload(state: ShopState, customerId: NumericId, dataRequestId: NumericId) {
  return {
    shop_id: idNumber(state.shop.id),
    shop_domain: state.shop.domain,
    customer: customerRef(state, customerId),
    orders_requested: orderIdsOf(state, customerId),
    data_request: { id: idNumber(dataRequestId) },
  };
}

/** `customers/redact`. */
export function customersRedactPayload(state: ShopState, customerId: NumericId) {
  return {
    shop_id: idNumber(state.shop.id),
    shop_domain: state.shop.domain,
    customer: customerRef(state, customerId),
    orders_to_redact: orderIdsOf(state, customerId),
  };
}

/** `shop/redact`. */
export function shopRedactPayload(state: ShopState) {
  return { shop_id: idNumber(state.shop.id), shop_domain: state.shop.domain };
}

/** `app/scopes_update`. */
export function scopesUpdatePayload(state: ShopState, previous: string[], current: string[], updatedAt: Date, webhookSequence: number) {
  return {
    id: webhookSequence,
    shop_id: `gid://shopify/Shop/${state.shop.id}`,
    previous,
    current,
    updated_at: updatedAt.toISOString(),
  };
}
