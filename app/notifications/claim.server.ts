import type { Db } from "~/db.server";
import type { NotificationMessage } from "~/generated/sqlite/client";
import { MESSAGE_STATUS, type SuppressionReason } from "./message-status";

/** A send attempt that claimed a message longer ago than this died mid-send (SMTP and HTTP time out well before). */
export const STALE_CLAIM_MS = 3 * 60_000;

/** Thrown when another attempt is sending the message right now: try again later to see how it ended. */
export class MessageBusyError extends Error {
  override readonly name = "MessageBusyError";
}

export type Claim = { claimed: true; message: NotificationMessage } | { claimed: false; status: string };

/**
 * Claims a pending message for this attempt (pending → sending). A message found "sending" with a stale claim
 * was being sent when its worker died: whether the provider accepted it is unknown, so it is marked failed
 * rather than sent again — at most once beats at least once for a shopper's inbox.
 */
export async function claimMessage(db: Db, shop: string, messageId: string, now: Date): Promise<Claim> {
  const [claimed] = await db.notificationMessage.updateManyAndReturn({
    where: { shop, id: messageId, status: MESSAGE_STATUS.pending },
    data: { status: MESSAGE_STATUS.sending, claimedAt: now, attempts: { increment: 1 } },
  });
  if (claimed) return { claimed: true, message: claimed };
  const message = await db.notificationMessage.findFirst({ where: { shop, id: messageId } });
  if (!message) return { claimed: false, status: "missing" };
  if (message.status !== MESSAGE_STATUS.sending) return { claimed: false, status: message.status };
  if (message.claimedAt && now.getTime() - message.claimedAt.getTime() < STALE_CLAIM_MS) {
    throw new MessageBusyError(`message ${messageId} is being sent by another attempt`);
  }
  await db.notificationMessage.updateMany({
    where: { shop, id: messageId, status: MESSAGE_STATUS.sending, claimedAt: message.claimedAt },
    data: { status: MESSAGE_STATUS.failed, reason: "outcome_unknown: the sending worker stopped mid-send; not resent to avoid a duplicate" },
  });
  return { claimed: false, status: MESSAGE_STATUS.failed };
}

/** Records a sent message. */
export function markSent(db: Db, message: NotificationMessage, result: { providerMessageId: string; subject: string | null; locale: string; recipientHash: string }, now: Date) {
  return finish(db, message, { status: MESSAGE_STATUS.sent, sentAt: now, reason: null, ...result });
}

/** Records why a message was not sent. */
export function markSuppressed(db: Db, message: NotificationMessage, reason: SuppressionReason) {
  return finish(db, message, { status: MESSAGE_STATUS.suppressed, reason });
}

/** Records a final failure with the provider's reason. */
export function markFailed(db: Db, message: NotificationMessage, reason: string) {
  return finish(db, message, { status: MESSAGE_STATUS.failed, reason });
}

/** Returns a message to pending after a failure worth retrying; the job's backoff decides when. */
export function releaseForRetry(db: Db, message: NotificationMessage, reason: string) {
  return finish(db, message, { status: MESSAGE_STATUS.pending, reason, claimedAt: null });
}

// Only the attempt that holds the claim may finish the message.
async function finish(db: Db, message: NotificationMessage, data: Partial<NotificationMessage>): Promise<boolean> {
  const { count } = await db.notificationMessage.updateMany({
    where: { shop: message.shop, id: message.id, status: MESSAGE_STATUS.sending, claimedAt: message.claimedAt },
    data,
  });
  return count === 1;
}
