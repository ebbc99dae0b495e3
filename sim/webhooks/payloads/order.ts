import { toGid } from "../../store/ids.ts";
import { financialStatus, orderTotals, restFulfillmentStatus } from "../../store/order-math.ts";
import type { ShopState } from "../../store/shop-state.ts";
import type { OrderRecord } from "../../store/types.ts";
import { orderStatusUrl } from "../../store/urls.ts";
import { addressPayload } from "./address.ts";
import { orderCustomerPayload } from "./customer.ts";
import { idNumber, moneySet, price, shopTime } from "./format.ts";
import { fulfillmentPayload } from "./fulfillment.ts";
import { orderLineItemPayload } from "./line-item.ts";
import { refundPayload } from "./refund.ts";

/** The order resource sent for `orders/create|updated|cancelled|fulfilled|partially_fulfilled|paid`. */
export function orderPayload(state: ShopState, order: OrderRecord) {
  const { shop } = state;
  const tz = shop.ianaTimezone;
  const currency = order.currency;
  const totals = orderTotals(state, order);
  const customer = order.customerId ? state.customers.get(order.customerId) : undefined;
  const zero = moneySet(0, currency);
  return {
    id: idNumber(order.id),
    admin_graphql_api_id: toGid("Order", order.id),
    app_id: idNumber("580111"),
    browser_ip: "203.0.113.24",
    buyer_accepts_marketing: order.buyerAcceptsMarketing,
    cancel_reason: order.cancelReason,
    cancelled_at: shopTime(order.cancelledAt, tz),
    cart_token: null,
    checkout_token: order.token.slice(0, 24),
    client_details: null,
    closed_at: shopTime(order.closedAt, tz),
    confirmation_number: order.token.slice(0, 9).toUpperCase(),
    confirmed: true,
    contact_email: order.email,
    created_at: shopTime(order.createdAt, tz),
    currency,
    current_shipping_price_set: moneySet(totals.currentShipping, currency),
    current_subtotal_price: price(totals.currentSubtotal),
    current_subtotal_price_set: moneySet(totals.currentSubtotal, currency),
    current_total_additional_fees_set: null,
    current_total_discounts: price(totals.currentDiscounts),
    current_total_discounts_set: moneySet(totals.currentDiscounts, currency),
    current_total_duties_set: null,
    current_total_price: price(totals.currentTotal),
    current_total_price_set: moneySet(totals.currentTotal, currency),
    current_total_tax: price(totals.tax),
    current_total_tax_set: moneySet(totals.tax, currency),
    customer_locale: order.customerLocale,
    device_id: null,
    discount_codes: (order.discountCodes ?? []).map((code) => discountCodePayload(order, code)),
    duties_included: false,
    email: order.email,
    estimated_taxes: false,
    financial_status: financialStatus(state, order),
    fulfillment_status: restFulfillmentStatus(state, order),
    landing_site: "/",
    landing_site_ref: null,
    location_id: null,
    merchant_business_entity_id: Buffer.from(shop.id).toString("base64url"),
    merchant_of_record_app_id: null,
    name: order.name,
    note: order.note,
    note_attributes: [],
    number: order.number - 1000,
    order_number: order.number,
    order_status_url: orderStatusUrl(shop, order),
    original_total_additional_fees_set: null,
    original_total_duties_set: null,
    payment_gateway_names: [order.paymentGateway],
    phone: order.phone,
    po_number: null,
    presentment_currency: currency,
    processed_at: shopTime(order.processedAt, tz),
    reference: null,
    referring_site: null,
    source_identifier: null,
    source_name: "web",
    source_url: null,
    subtotal_price: price(totals.subtotal),
    subtotal_price_set: moneySet(totals.subtotal, currency),
    tags: order.tags.join(", "),
    tax_exempt: false,
    tax_lines: [],
    taxes_included: false,
    test: order.test,
    token: order.token,
    total_cash_rounding_payment_adjustment_set: zero,
    total_cash_rounding_refund_adjustment_set: zero,
    total_discounts: price(totals.discounts),
    total_discounts_set: moneySet(totals.discounts, currency),
    total_line_items_price: price(totals.lineItemsTotal),
    total_line_items_price_set: moneySet(totals.lineItemsTotal, currency),
    total_outstanding: price(totals.outstanding),
    total_price: price(totals.total),
    total_price_set: moneySet(totals.total, currency),
    total_shipping_price_set: moneySet(totals.shipping, currency),
    total_tax: price(totals.tax),
    total_tax_set: moneySet(totals.tax, currency),
    total_tip_received: price(0),
    total_weight: totals.totalWeightGrams,
    updated_at: shopTime(order.updatedAt, tz),
    user_id: null,
    billing_address: addressPayload(order.billingAddress),
    customer: customer ? orderCustomerPayload(customer, shop) : null,
    discount_applications: [],
    fulfillments: state.fulfillmentsOf(order).map((f) => fulfillmentPayload(state, f)),
    line_items: order.lineItems.map((item) => orderLineItemPayload(state, order, item)),
    payment_terms: null,
    refunds: state.refundsOf(order).map((r) => refundPayload(state, r)),
    shipping_address: addressPayload(order.shippingAddress),
    shipping_lines: [
      {
        id: idNumber(order.shippingLine.id),
        carrier_identifier: null,
        code: order.shippingLine.code,
        current_discounted_price_set: moneySet(totals.currentShipping, currency),
        discounted_price: price(order.shippingLine.price),
        discounted_price_set: moneySet(order.shippingLine.price, currency),
        is_removed: false,
        phone: null,
        price: price(order.shippingLine.price),
        price_set: moneySet(order.shippingLine.price, currency),
        requested_fulfillment_service_id: null,
        source: "shopify",
        title: order.shippingLine.title,
        tax_lines: [],
        discount_allocations: [],
      },
    ],
    returns: state.returnsOf(order).map((r) => ({
      id: idNumber(r.id),
      admin_graphql_api_id: toGid("Return", r.id),
      name: r.name,
      status: r.status,
    })),
    line_item_groups: [],
  };
}

/** A code in REST's `discount_codes`: what it took off is the lines' allocations titled with it. */
function discountCodePayload(order: OrderRecord, code: string) {
  const cents = order.lineItems.reduce((sum, item) => sum + (item.discountAllocations ?? []).filter((a) => a.title === code).reduce((s, a) => s + a.amount, 0), 0);
  return { code, amount: price(cents), type: "fixed_amount" };
}
