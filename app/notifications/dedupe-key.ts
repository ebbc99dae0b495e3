import type { Channel } from "./channels";
import type { ShipmentMilestone } from "./milestones";

/**
 * The outbox key that makes a message happen at most once. "Shipped" is keyed by fulfillment, because one
 * fulfillment is one shipping confirmation however many tracking numbers it has; every later milestone is
 * keyed by parcel, because parcels of a split order move on their own.
 */
export function shipmentMessageKey(
  target: { shipmentId: string; fulfillmentId: string },
  milestone: ShipmentMilestone,
  channel: Channel,
): string {
  return milestone === "shipped"
    ? `fulfillment:${target.fulfillmentId}:shipped:${channel}`
    : `shipment:${target.shipmentId}:${milestone}:${channel}`;
}

/** The outbox key of an order's confirmation on a channel. */
export function orderConfirmedKey(orderId: string, channel: Channel): string {
  return `order:${orderId}:confirmed:${channel}`;
}
