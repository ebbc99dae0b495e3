import type { OrderStatusResponse } from "./contract";

/** The backend answered something other than a customer's order (expired session, not theirs, outage). */
export class OrderStatusUnavailable extends Error {
  constructor(readonly status: number) {
    super(`order status request failed with ${status}`);
  }
}

/** Fetches the order's parcels from the app with the customer's session token. */
export async function loadOrderStatus(
  appUrl: string,
  orderId: string,
  getSessionToken: () => Promise<string>,
  fetchImpl: typeof fetch = fetch,
): Promise<OrderStatusResponse> {
  const url = `${appUrl}/api/order-status?orderId=${encodeURIComponent(orderId)}`;
  const response = await fetchImpl(url, { headers: { Authorization: `Bearer ${await getSessionToken()}` } });
  if (!response.ok) throw new OrderStatusUnavailable(response.status);
  const body = (await response.json()) as Partial<OrderStatusResponse> | null;
  // A full schema library would double the bundle; the shape is checked where a wrong one would crash.
  if (!body?.order || !Array.isArray(body.parcels)) throw new OrderStatusUnavailable(response.status);
  return body as OrderStatusResponse;
}
