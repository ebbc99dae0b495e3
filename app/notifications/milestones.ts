import type { ShipmentStatus } from "~/tracking/status";

/**
 * The moments of a parcel's journey a shopper hears about. Scans that change nothing for the shopper
 * (picked up → in transit → in transit elsewhere) are not milestones, so a busy carrier never floods an inbox.
 */
export const SHIPMENT_MILESTONES = [
  "shipped",
  "out_for_delivery",
  "attempted_delivery",
  "ready_for_pickup",
  "delayed",
  "exception",
  "delivered",
  "returned_to_sender",
] as const;

export type ShipmentMilestone = (typeof SHIPMENT_MILESTONES)[number];

/** The apology for a delivery problem the exceptions scan found (app/exceptions): stalled, late, not shipped in time. */
export const EXCEPTION_TRIGGER = "shipment_exception";

/** A step of a return the shopper hears about (the returns module calls notifyReturnUpdate). */
export const RETURN_TRIGGER = "return_update";

/** The note some days after everything was delivered (later: a survey or review request). */
export const FOLLOW_UP_TRIGGER = "delivered_follow_up";

/** Every notification trigger: the order confirmation, the shipment milestones, the exception notice, return updates and the follow-up. */
export const TRIGGERS = ["order_confirmed", ...SHIPMENT_MILESTONES, EXCEPTION_TRIGGER, RETURN_TRIGGER, FOLLOW_UP_TRIGGER] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Statuses that announce themselves: reaching one is its own milestone. */
const MILESTONE_OF_STATUS: Readonly<Partial<Record<ShipmentStatus, ShipmentMilestone>>> = {
  out_for_delivery: "out_for_delivery",
  attempted_delivery: "attempted_delivery",
  ready_for_pickup: "ready_for_pickup",
  delayed: "delayed",
  exception: "exception",
  delivered: "delivered",
  returned_to_sender: "returned_to_sender",
};

/** The first carrier movement after a label: the parcel is on its way. */
const MOVEMENT: ReadonlySet<ShipmentStatus> = new Set(["picked_up", "in_transit"]);

/**
 * The milestone a shipment reached by going from `previous` to `next` (null previous: the shipment was just
 * created, i.e. the fulfillment with its tracking number exists). Rules:
 * - a new parcel, or its first movement after a label, is "shipped" (sent once per fulfillment: see dedupe keys);
 * - reaching out for delivery, an attempt, pickup, a delay, an exception, delivery or return is that milestone;
 * - everything else (another in-transit scan, recovering from a delay, a cancellation) is silent.
 */
export function milestoneFor(previous: ShipmentStatus | null, next: ShipmentStatus): ShipmentMilestone | null {
  if (previous === next) return null;
  const own = MILESTONE_OF_STATUS[next];
  if (own) return own;
  if (previous === null && next !== "cancelled") return "shipped";
  if (previous === "label_created" && MOVEMENT.has(next)) return "shipped";
  return null;
}

/**
 * Whether a milestone still describes a shipment now in `current`: a message whose moment has passed
 * ("out for delivery" for a parcel already delivered) is not worth sending.
 */
export function milestoneStillCurrent(milestone: ShipmentMilestone, current: ShipmentStatus): boolean {
  if (milestone === "shipped") return !["delivered", "returned_to_sender", "cancelled"].includes(current);
  return MILESTONE_OF_STATUS[current] === milestone;
}
