import type { DbClient } from "~/db.server";
import { loadNotificationContext } from "./context.server";
import { returnUpdateKey } from "./dedupe-key";
import { MESSAGE_STATUS } from "./message-status";
import { FOLLOW_UP_TRIGGER, RETURN_TRIGGER } from "./milestones";
import { recordMessages, type RecordOutcome } from "./record-messages.server";
import type { ReturnMilestone } from "./return-milestones";

export interface ReturnUpdate {
  shop: string;
  orderId: string;
  /** The return's id (a Shopify Return gid or the returns module's own id); part of the dedupe key. */
  returnId: string;
  milestone: ReturnMilestone;
  /** When the step happened; defaults to now. */
  occurredAt?: Date;
  now?: Date;
}

/**
 * The returns module's hook: records the shopper's message about a step of a return inside the caller's transaction
 * (`tx`), at most once per (return, milestone, channel), and cancels the order's pending follow-up — a shopper
 * sending things back is not asked how they like them. Call it in the transaction that changes the return.
 */
export async function notifyReturnUpdate(tx: DbClient, update: ReturnUpdate): Promise<RecordOutcome> {
  const now = update.now ?? new Date();
  const { shop, orderId, returnId, milestone } = update;
  await tx.notificationMessage.updateMany({
    where: { shop, orderId, trigger: FOLLOW_UP_TRIGGER, status: MESSAGE_STATUS.pending },
    data: { status: MESSAGE_STATUS.suppressed, reason: "return_started" },
  });
  const order = await tx.order.findUnique({ where: { shop_id: { shop, id: orderId } }, select: { id: true } });
  if (!order) return { recorded: false, reason: "stale" };
  const context = await loadNotificationContext(tx, shop, orderId);
  return recordMessages(tx, shop, context, {
    trigger: RETURN_TRIGGER,
    orderId,
    shipmentId: null,
    occurredAt: update.occurredAt ?? now,
    now,
    keyFor: (channel) => returnUpdateKey(returnId, milestone, channel),
  });
}
