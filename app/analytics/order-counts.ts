export type OrderFulfillment = "unfulfilled" | "partially_fulfilled" | "fulfilled" | "cancelled";

// Orders arrive from webhooks (REST: null, "partial", "fulfilled", "restocked") and from the backfill
// (GraphQL displayFulfillmentStatus: FULFILLED, PARTIALLY_FULFILLED, UNFULFILLED, OPEN, ON_HOLD, …), so
// both spellings are read; everything that has shipped nothing yet counts as unfulfilled.
const FULFILLED = new Set(["fulfilled"]);
const PARTIALLY_FULFILLED = new Set(["partial", "partially_fulfilled"]);

/** Where an order stands: a cancellation wins over any fulfillment status. */
export function orderFulfillment(order: { fulfillmentStatus: string | null; cancelledAt: Date | null }): OrderFulfillment {
  if (order.cancelledAt) return "cancelled";
  const status = order.fulfillmentStatus?.toLowerCase() ?? "";
  if (FULFILLED.has(status)) return "fulfilled";
  if (PARTIALLY_FULFILLED.has(status)) return "partially_fulfilled";
  return "unfulfilled";
}

export interface OrderCounts {
  total: number;
  unfulfilled: number;
  partiallyFulfilled: number;
  fulfilled: number;
  cancelled: number;
}

/** Order counts from grouped counts of open orders by fulfillment status and the count of cancelled ones. */
export function countOrders(openByStatus: ReadonlyArray<{ fulfillmentStatus: string | null; count: number }>, cancelled: number): OrderCounts {
  const counts: OrderCounts = { total: cancelled, unfulfilled: 0, partiallyFulfilled: 0, fulfilled: 0, cancelled };
  for (const group of openByStatus) {
    const fulfillment = orderFulfillment({ fulfillmentStatus: group.fulfillmentStatus, cancelledAt: null });
    counts.total += group.count;
    if (fulfillment === "fulfilled") counts.fulfilled += group.count;
    else if (fulfillment === "partially_fulfilled") counts.partiallyFulfilled += group.count;
    else counts.unfulfilled += group.count;
  }
  return counts;
}
