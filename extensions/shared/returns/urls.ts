/** Links between the order's page in customer accounts and the return flow, in Shopify's custom protocols. */

/** The numeric id the protocols take (`gid://shopify/Order/5001` → `5001`). */
const numberOf = (orderId: string) => orderId.slice(orderId.lastIndexOf("/") + 1);

/** The order's own page in customer accounts. */
export const orderUrl = (orderId: string) => `shopify:customer-account/orders/${numberOf(orderId)}`;

/** The return-page extension's full page for the order (extensions/return-page). */
export const returnPageUrl = (orderId: string) => `extension:return-page/customer-account.order.page.render/${numberOf(orderId)}/`;
