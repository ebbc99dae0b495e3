import type { DbClient } from "~/db.server";
import type { NotificationContext } from "./context.server";
import { followUpKey } from "./dedupe-key";
import { FOLLOW_UP_TRIGGER } from "./milestones";
import { recordMessages, type RecordOutcome } from "./record-messages.server";

const MINUTES_PER_DAY = 24 * 60;

/** Parcels that no longer count towards "everything arrived": a cancelled label never will arrive. */
const NOT_COUNTED = new Set(["cancelled"]);

/**
 * Schedules the order's follow-up (`followUpDays` after delivery, plus the trigger's delay, past quiet hours) once
 * every parcel of the order that still counts is delivered. Runs inside the transaction that recorded a delivery;
 * keyed per order and channel, so the second parcel of a split order arriving later adds nothing. It is cancelled
 * at send time if the order was cancelled, and when a return starts (notifyReturnUpdate).
 */
export async function recordDeliveryFollowUp(
  tx: DbClient,
  shop: string,
  context: NotificationContext,
  delivery: { orderId: string; deliveredAt: Date; now: Date },
): Promise<RecordOutcome> {
  const order = await tx.order.findUnique({ where: { shop_id: { shop, id: delivery.orderId } }, select: { cancelledAt: true } });
  if (!order || order.cancelledAt) return { recorded: false, reason: "stale" };
  const parcels = await tx.shipment.findMany({ where: { shop, orderId: delivery.orderId }, select: { status: true } });
  const counted = parcels.filter((parcel) => !NOT_COUNTED.has(parcel.status));
  if (!counted.length || counted.some((parcel) => parcel.status !== "delivered")) return { recorded: false, reason: "not_all_delivered" };
  return recordMessages(tx, shop, context, {
    trigger: FOLLOW_UP_TRIGGER,
    orderId: delivery.orderId,
    shipmentId: null,
    occurredAt: delivery.deliveredAt,
    now: delivery.now,
    extraDelayMinutes: context.preferences.followUpDays * MINUTES_PER_DAY,
    keyFor: (channel) => followUpKey(delivery.orderId, channel),
  });
}
