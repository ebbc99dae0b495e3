import type { Channel } from "./channels";
import type { ShipmentMilestone } from "./milestones";
import { RETURN_MILESTONES, type ReturnMilestone } from "./return-milestones";

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

const EXCEPTION_KEY = /^exception:([^:]+):(?:email|sms)$/;

/** The outbox key of the shopper's notice about one exception flag (ShipmentException.id) on a channel. */
export function exceptionNoticeKey(exceptionId: string, channel: Channel): string {
  return `exception:${exceptionId}:${channel}`;
}

/** The exception flag an exception notice's key names, or null for any other key. */
export function exceptionIdOfKey(dedupeKey: string): string | null {
  return EXCEPTION_KEY.exec(dedupeKey)?.[1] ?? null;
}

// Return ids are gids ("gid://shopify/Return/1"), colons included: the milestone and channel anchor the match.
const RETURN_KEY = new RegExp(`^return:(.+):(${RETURN_MILESTONES.join("|")}):(?:email|sms)$`);

/** The outbox key of a return step on a channel: one message per (return, milestone, channel). */
export function returnUpdateKey(returnId: string, milestone: ReturnMilestone, channel: Channel): string {
  return `return:${returnId}:${milestone}:${channel}`;
}

/** The return step a return update's key names, or null for any other key. */
export function returnMilestoneOfKey(dedupeKey: string): ReturnMilestone | null {
  return (RETURN_KEY.exec(dedupeKey)?.[2] as ReturnMilestone | undefined) ?? null;
}

/** The outbox key of an order's follow-up after delivery on a channel: one per order and channel. */
export function followUpKey(orderId: string, channel: Channel): string {
  return `order:${orderId}:delivered_follow_up:${channel}`;
}
