import type { OrderRecord, ShopRecord } from "./types.ts";

/** The customer's order status page, in the form Shopify links from notifications. */
export function orderStatusUrl(shop: ShopRecord, order: OrderRecord): string {
  return `https://${shop.domain}/${shop.id.slice(-10)}/orders/${order.token}/authenticate?key=${order.statusKey}`;
}
