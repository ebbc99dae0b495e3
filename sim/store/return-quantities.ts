import type { NumericId } from "./ids.ts";
import type { ShopState } from "./shop-state.ts";
import type { FulfillmentLineItemRecord, FulfillmentRecord, OrderRecord, ReturnRecord } from "./types.ts";

/** Returns that still hold their items: a declined or canceled return gives its quantities back. */
export function holdsItems(record: ReturnRecord): boolean {
  return record.status === "requested" || record.status === "open" || record.status === "closed";
}

/** Units that returns still holding items have taken from the matching return lines. */
function heldByReturns(state: ShopState, order: OrderRecord, matches: (item: ReturnRecord["lineItems"][number]) => boolean): number {
  return state
    .returnsOf(order)
    .filter(holdsItems)
    .flatMap((record) => record.lineItems)
    .filter(matches)
    .reduce((sum, item) => sum + item.quantity, 0);
}

/** Refunded outside any return (a plain refund or a cancellation): those units cannot be returned. */
function refundedWithoutReturn(state: ShopState, order: OrderRecord, lineItemId: NumericId): number {
  return state
    .refundsOf(order)
    .filter((refund) => refund.returnId === null)
    .flatMap((refund) => refund.lineItems)
    .filter((item) => item.lineItemId === lineItemId)
    .reduce((sum, item) => sum + item.quantity, 0);
}

function isDelivered(fulfillment: FulfillmentRecord): boolean {
  return fulfillment.status === "success";
}

/**
 * How many units of one fulfillment line item can still go into a return: fulfilled, minus what earlier
 * returns hold, never more than the customer still owns of the line item.
 */
export function returnableQuantity(state: ShopState, order: OrderRecord, fli: FulfillmentLineItemRecord): number {
  const line = order.lineItems.find((item) => item.id === fli.lineItemId);
  if (!line) return 0;
  const fromFulfillment = fli.quantity - heldByReturns(state, order, (item) => item.fulfillmentLineItemId === fli.id);
  const ownedOfLine = line.quantity - refundedWithoutReturn(state, order, line.id) - heldByReturns(state, order, (item) => item.lineItemId === line.id);
  return Math.max(0, Math.min(fromFulfillment, ownedOfLine));
}

export interface ReturnableFulfillment {
  fulfillment: FulfillmentRecord;
  lineItems: { fulfillmentLineItem: FulfillmentLineItemRecord; quantity: number }[];
}

/** Shopify's `returnableFulfillments`: successful fulfillments with at least one unit left to return. */
export function returnableFulfillments(state: ShopState, order: OrderRecord): ReturnableFulfillment[] {
  return state
    .fulfillmentsOf(order)
    .filter(isDelivered)
    .map((fulfillment) => ({
      fulfillment,
      lineItems: fulfillment.lineItems
        .map((fulfillmentLineItem) => ({ fulfillmentLineItem, quantity: returnableQuantity(state, order, fulfillmentLineItem) }))
        .filter((item) => item.quantity > 0),
    }))
    .filter((returnable) => returnable.lineItems.length > 0);
}

/** Finds a fulfillment line item of the order (fulfillments that were not cancelled). */
export function findFulfillmentLineItem(state: ShopState, order: OrderRecord, id: NumericId): FulfillmentLineItemRecord | undefined {
  return state
    .fulfillmentsOf(order)
    .filter(isDelivered)
    .flatMap((fulfillment) => fulfillment.lineItems)
    .find((item) => item.id === id);
}
