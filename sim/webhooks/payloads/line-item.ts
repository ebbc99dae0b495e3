import { toGid } from "../../store/ids.ts";
import { currentQuantity, fulfillableQuantity, fulfilledQuantity } from "../../store/order-math.ts";
import type { ShopState } from "../../store/shop-state.ts";
import type { LineItemRecord, OrderRecord } from "../../store/types.ts";
import { moneySet, nullableId, price, idNumber } from "./format.ts";

function lineItemName(item: LineItemRecord): string {
  return item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title;
}

function lineFulfillmentStatus(state: ShopState, order: OrderRecord, item: LineItemRecord): "fulfilled" | "partial" | null {
  const fulfilled = fulfilledQuantity(state, order, item.id);
  if (fulfilled === 0) return null;
  return fulfilled >= currentQuantity(state, order, item) ? "fulfilled" : "partial";
}

/** A line item inside `orders/*` payloads. */
export function orderLineItemPayload(state: ShopState, order: OrderRecord, item: LineItemRecord) {
  const currency = order.currency;
  return {
    id: idNumber(item.id),
    admin_graphql_api_id: toGid("LineItem", item.id),
    attributed_staffs: [],
    current_quantity: currentQuantity(state, order, item),
    fulfillable_quantity: fulfillableQuantity(state, order, item),
    fulfillment_service: "manual",
    fulfillment_status: lineFulfillmentStatus(state, order, item),
    gift_card: false,
    grams: item.grams,
    name: lineItemName(item),
    price: price(item.price),
    price_set: moneySet(item.price, currency),
    product_exists: item.productId !== null && state.products.has(item.productId),
    product_id: nullableId(item.productId),
    properties: [],
    quantity: item.quantity,
    requires_shipping: item.requiresShipping,
    sales_line_item_group_id: null,
    sku: item.sku,
    taxable: item.taxable,
    title: item.title,
    total_discount: price(0),
    total_discount_set: moneySet(0, currency),
    variant_id: nullableId(item.variantId),
    variant_inventory_management: item.variantId ? "shopify" : null,
    variant_title: item.variantTitle,
    vendor: item.vendor,
    tax_lines: [],
    duties: [],
    discount_allocations: [],
  };
}

/**
 * A line item inside fulfillment and refund payloads; `quantity` is the quantity of that fulfillment or
 * the line's quantity for refunds, as Shopify sends it.
 */
export function nestedLineItemPayload(state: ShopState, order: OrderRecord, item: LineItemRecord, quantity: number) {
  const currency = order.currency;
  return {
    id: idNumber(item.id),
    variant_id: nullableId(item.variantId),
    title: item.title,
    quantity,
    sku: item.sku,
    variant_title: item.variantTitle,
    vendor: item.vendor,
    fulfillment_service: "manual",
    product_id: nullableId(item.productId),
    requires_shipping: item.requiresShipping,
    taxable: item.taxable,
    gift_card: false,
    name: lineItemName(item),
    variant_inventory_management: item.variantId ? "shopify" : null,
    properties: [],
    product_exists: item.productId !== null && state.products.has(item.productId),
    fulfillable_quantity: fulfillableQuantity(state, order, item),
    grams: item.grams,
    price: price(item.price),
    total_discount: price(0),
    fulfillment_status: lineFulfillmentStatus(state, order, item),
    price_set: moneySet(item.price, currency),
    total_discount_set: moneySet(0, currency),
    discount_allocations: [],
    duties: [],
    admin_graphql_api_id: toGid("LineItem", item.id),
    tax_lines: [],
  };
}
