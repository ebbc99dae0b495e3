import type { DbClient } from "~/db.server";
import type { ShipmentStatus } from "~/tracking/status";
import { loadNotificationContext } from "./context.server";
import { exceptionNoticeKey, orderConfirmedKey, shipmentMessageKey } from "./dedupe-key";
import { recordDeliveryFollowUp } from "./follow-up.server";
import { EXCEPTION_TRIGGER, milestoneFor, type ShipmentMilestone } from "./milestones";
import { recordMessages, type RecordOutcome } from "./record-messages.server";

export { SEND_JOB_NAME, type RecordOutcome } from "./record-messages.server";

/** Causes older than this are history being caught up (reconciliation, a first sync): nobody wants that email now. */
export const MAX_CAUSE_AGE_MS = 72 * 3600_000;

export interface ShipmentStatusChange {
  shipmentId: string;
  orderId: string;
  /** The shipment's status before the change; null when the shipment was just created. */
  from: ShipmentStatus | null;
  to: ShipmentStatus;
  /** When the event that caused the change happened (the shipment's new statusAt). */
  at: Date;
  /** The shipment's fulfillment, when the caller holds the shipment row (else it is read, scoped by shop). */
  fulfillmentId?: string;
}

/**
 * Records the messages a shipment status change calls for, inside the caller's transaction: an outbox row per
 * enabled channel (keyed so replays add nothing) and a `notifications.send` job due when the message may go out.
 * Call it wherever a shipment's status changes, with the status before and after.
 */
export async function recordShipmentMilestone(
  tx: DbClient,
  shop: string,
  change: ShipmentStatusChange,
  options: { now?: Date } = {},
): Promise<RecordOutcome> {
  const now = options.now ?? new Date();
  const milestone = milestoneFor(change.from, change.to);
  if (!milestone) return { recorded: false, reason: "not_a_milestone" };
  if (now.getTime() - change.at.getTime() > MAX_CAUSE_AGE_MS) return { recorded: false, reason: "stale" };
  const shipment = change.fulfillmentId
    ? { fulfillmentId: change.fulfillmentId }
    : await tx.shipment.findFirst({ where: { shop, id: change.shipmentId }, select: { fulfillmentId: true } });
  if (!shipment) return { recorded: false, reason: "unknown_shipment" };
  const context = await loadNotificationContext(tx, shop, change.orderId);
  const outcome = await recordMessages(tx, shop, context, {
    trigger: milestone,
    orderId: change.orderId,
    shipmentId: change.shipmentId,
    occurredAt: change.at,
    now,
    keyFor: (channel) => shipmentMessageKey({ shipmentId: change.shipmentId, fulfillmentId: shipment.fulfillmentId }, milestone as ShipmentMilestone, channel),
  });
  // The follow-up is scheduled whether or not the delivery itself is announced.
  if (milestone === "delivered") await recordDeliveryFollowUp(tx, shop, context, { orderId: change.orderId, deliveredAt: change.at, now });
  return outcome;
}

/**
 * Records the order confirmation (orders/create) inside the caller's transaction, once per order and channel.
 * Orders older than MAX_CAUSE_AGE_MS (a backfill) and cancelled orders are not confirmed.
 */
export async function recordOrderConfirmed(
  tx: DbClient,
  shop: string,
  order: { id: string; processedAt: Date; cancelledAt?: Date | null },
  options: { now?: Date } = {},
): Promise<RecordOutcome> {
  const now = options.now ?? new Date();
  if (order.cancelledAt || now.getTime() - order.processedAt.getTime() > MAX_CAUSE_AGE_MS) return { recorded: false, reason: "stale" };
  const context = await loadNotificationContext(tx, shop, order.id);
  return recordMessages(tx, shop, context, {
    trigger: "order_confirmed",
    orderId: order.id,
    shipmentId: null,
    occurredAt: order.processedAt,
    now,
    keyFor: (channel) => orderConfirmedKey(order.id, channel),
  });
}

/**
 * Records the shopper's apology for a delivery problem the exceptions scan flagged, inside the caller's
 * transaction, once per flag and channel. Problems whose cause is older than MAX_CAUSE_AGE_MS (found on a first
 * scan after install) and cancelled orders are not announced; the merchant still sees the flag.
 */
export async function recordExceptionNotice(
  tx: DbClient,
  shop: string,
  exception: { id: string; orderId: string; shipmentId: string | null; since: Date },
  options: { now?: Date } = {},
): Promise<RecordOutcome> {
  const now = options.now ?? new Date();
  if (now.getTime() - exception.since.getTime() > MAX_CAUSE_AGE_MS) return { recorded: false, reason: "stale" };
  const order = await tx.order.findUnique({ where: { shop_id: { shop, id: exception.orderId } }, select: { cancelledAt: true } });
  if (!order || order.cancelledAt) return { recorded: false, reason: "stale" };
  const context = await loadNotificationContext(tx, shop, exception.orderId);
  return recordMessages(tx, shop, context, {
    trigger: EXCEPTION_TRIGGER,
    orderId: exception.orderId,
    shipmentId: exception.shipmentId,
    occurredAt: exception.since,
    now,
    keyFor: (channel) => exceptionNoticeKey(exception.id, channel),
  });
}
