import { randomUUID } from "node:crypto";
import type { DbClient } from "~/db.server";
import { enqueueJob } from "~/jobs/queue.server";
import type { ShipmentStatus } from "~/tracking/status";
import type { Channel } from "./channels";
import { channelsFor, loadNotificationContext, type NotificationContext } from "./context.server";
import { exceptionNoticeKey, orderConfirmedKey, shipmentMessageKey } from "./dedupe-key";
import { MESSAGE_STATUS } from "./message-status";
import { EXCEPTION_TRIGGER, milestoneFor, type ShipmentMilestone, type Trigger } from "./milestones";
import { sendTimeFor } from "./send-time";

/** The job that sends one outbox message (app/notifications/send-job.server.ts). */
export const SEND_JOB_NAME = "notifications.send";

/** Causes older than this are history being caught up (reconciliation, a first sync): nobody wants that email now. */
export const MAX_CAUSE_AGE_MS = 72 * 3600_000;

/** Milestones where the parcels of a split order often arrive together, so the first one waits for the others. */
const COALESCED_TRIGGERS: ReadonlySet<Trigger> = new Set(["shipped", "delivered"]);

export interface ShipmentStatusChange {
  shipmentId: string;
  orderId: string;
  /** The shipment's status before the change; null when the shipment was just created. */
  from: ShipmentStatus | null;
  to: ShipmentStatus;
  /** When the event that caused the change happened (the shipment's new statusAt). */
  at: Date;
}

export type RecordOutcome =
  | { recorded: true; trigger: Trigger; messageIds: string[] }
  | { recorded: false; reason: "not_a_milestone" | "stale" | "unknown_shipment" | "no_channel" };

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
  const shipment = await tx.shipment.findFirst({ where: { shop, id: change.shipmentId }, select: { fulfillmentId: true } });
  if (!shipment) return { recorded: false, reason: "unknown_shipment" };
  const context = await loadNotificationContext(tx, shop, change.orderId);
  return recordMessages(tx, shop, context, {
    trigger: milestone,
    orderId: change.orderId,
    shipmentId: change.shipmentId,
    occurredAt: change.at,
    now,
    keyFor: (channel) => shipmentMessageKey({ shipmentId: change.shipmentId, fulfillmentId: shipment.fulfillmentId }, milestone as ShipmentMilestone, channel),
  });
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

interface NewMessages {
  trigger: Trigger;
  orderId: string;
  shipmentId: string | null;
  occurredAt: Date;
  now: Date;
  keyFor: (channel: Channel) => string;
}

async function recordMessages(tx: DbClient, shop: string, context: NotificationContext, messages: NewMessages): Promise<RecordOutcome> {
  const channels = channelsFor(context, messages.trigger);
  if (!channels.length) return { recorded: false, reason: "no_channel" };
  const setting = context.preferences.triggers[messages.trigger];
  const messageIds: string[] = [];
  for (const channel of channels) {
    const sendAt = sendTimeFor({
      occurredAt: messages.occurredAt,
      now: messages.now,
      delayMinutes: setting.delayMinutes,
      holdMinutes: COALESCED_TRIGGERS.has(messages.trigger) ? context.preferences.coalesceMinutes : 0,
      quietHours: context.preferences.quietHours,
      channel,
      timeZone: context.timeZone,
    });
    const id = await insertUnlessRecorded(tx, shop, { ...messages, channel, dedupeKey: messages.keyFor(channel), sendAt });
    if (!id) continue;
    await enqueueJob(tx, shop, SEND_JOB_NAME, { messageId: id }, { runAt: sendAt, uniqueKey: `notification:${id}` });
    messageIds.push(id);
  }
  return { recorded: true, trigger: messages.trigger, messageIds };
}

// ON CONFLICT rather than catching a unique violation: on PostgreSQL a failed INSERT aborts the caller's
// transaction, and this runs inside the webhook's.
async function insertUnlessRecorded(
  tx: DbClient,
  shop: string,
  row: NewMessages & { channel: Channel; dedupeKey: string; sendAt: Date },
): Promise<string | undefined> {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "NotificationMessage" ("shop", "id", "dedupeKey", "trigger", "channel", "orderId", "shipmentId", "status", "attempts", "occurredAt", "sendAt", "openCount", "clickCount", "createdAt", "updatedAt")
    VALUES (${shop}, ${randomUUID()}, ${row.dedupeKey}, ${row.trigger}, ${row.channel}, ${row.orderId}, ${row.shipmentId}, ${MESSAGE_STATUS.pending}, 0, ${row.occurredAt}, ${row.sendAt}, 0, 0, ${row.now}, ${row.now})
    ON CONFLICT ("shop", "dedupeKey") DO NOTHING
    RETURNING "id"`;
  return inserted[0]?.id;
}
