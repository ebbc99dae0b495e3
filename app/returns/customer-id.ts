/** A customer id as gid: the app proxy's logged_in_customer_id is bare digits, a session token's sub is already a gid. */
export function customerGid(customerId: string): string {
  return /^\d+$/.test(customerId) ? `gid://shopify/Customer/${customerId}` : customerId;
}
