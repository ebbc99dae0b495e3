import { draftTotals } from "../../store/draft-order-operations.ts";
import { toGid } from "../../store/ids.ts";
import type { ShopState } from "../../store/shop-state.ts";
import type { Cents, DraftOrderAppliedDiscountRecord, DraftOrderRecord } from "../../store/types.ts";
import { addressPayload } from "./address.ts";
import { orderCustomerPayload } from "./customer.ts";
import { idNumber, nullableId, price, shopTime } from "./format.ts";

function appliedDiscountPayload(discount: DraftOrderAppliedDiscountRecord | null, amount: Cents) {
  if (!discount) return null;
  return {
    description: discount.description,
    value: discount.value.toFixed(1),
    title: discount.title,
    amount: price(amount),
    value_type: discount.valueType === "PERCENTAGE" ? "percentage" : "fixed_amount",
  };
}

/** `draft_orders/create`, with the keys of Shopify's sample. */
export function draftOrderPayload(state: ShopState, draft: DraftOrderRecord) {
  const tz = state.shop.ianaTimezone;
  const totals = draftTotals(draft);
  const customer = draft.customerId ? state.customers.get(draft.customerId) : undefined;
  return {
    id: idNumber(draft.id),
    note: draft.note,
    email: draft.email,
    taxes_included: false,
    currency: state.shop.currency,
    invoice_sent_at: null,
    created_at: shopTime(draft.createdAt, tz),
    updated_at: shopTime(draft.updatedAt, tz),
    tax_exempt: false,
    completed_at: null,
    name: draft.name,
    "allow_discount_codes_in_checkout?": false,
    "b2b?": false,
    status: draft.status,
    line_items: totals.lines.map(({ line, discount }) => ({
      id: idNumber(line.id),
      variant_id: nullableId(line.variantId),
      product_id: nullableId(line.productId),
      title: line.title,
      variant_title: line.variantTitle,
      sku: line.sku,
      vendor: line.vendor,
      quantity: line.quantity,
      requires_shipping: line.requiresShipping,
      taxable: line.taxable,
      gift_card: false,
      fulfillment_service: "manual",
      grams: line.grams,
      tax_lines: [],
      applied_discount: appliedDiscountPayload(line.appliedDiscount, discount),
      name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
      properties: [],
      custom: line.variantId === null,
      price: price(line.price),
      admin_graphql_api_id: toGid("DraftOrderLineItem", line.id),
    })),
    api_client_id: null,
    shipping_address: addressPayload(draft.shippingAddress),
    billing_address: addressPayload(draft.shippingAddress),
    invoice_url: `https://${state.shop.domain}/${state.shop.id}/invoices/${draft.id}`,
    created_on_api_version_handle: null,
    applied_discount: appliedDiscountPayload(draft.appliedDiscount, totals.orderDiscount),
    order_id: null,
    shipping_line: null,
    tax_lines: [],
    tags: draft.tags.join(", "),
    note_attributes: [],
    total_price: price(totals.total),
    subtotal_price: price(totals.subtotal),
    total_tax: price(0),
    payment_terms: null,
    admin_graphql_api_id: toGid("DraftOrder", draft.id),
    customer: customer ? orderCustomerPayload(customer, state.shop) : null,
  };
}
