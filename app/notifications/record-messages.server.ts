import { randomUUID } from "node:crypto";
import type { DbClient } from "~/db.server";
import { enqueueJob } from "~/jobs/queue.server";
import type { Channel } from "./channels";
import { channelsFor, type NotificationContext } from "./context.server";
import { MESSAGE_STATUS } from "./message-status";
import type { Trigger } from "./milestones";
import { sendTimeFor } from "./send-time";

/** The job that sends one outbox message (app/notifications/send-job.server.ts). */
export const SEND_JOB_NAME = "notifications.send";

/** Milestones where the parcels of a split order often arrive together, so the first one waits for the others. */
const COALESCED_TRIGGERS: ReadonlySet<Trigger> = new Set(["shipped", "delivered"]);

export type RecordOutcome =
  | { recorded: true; trigger: Trigger; messageIds: string[] }
  | { recorded: false; reason: "not_a_milestone" | "stale" | "unknown_shipment" | "no_channel" | "not_all_delivered" };

export interface NewMessages {
  trigger: Trigger;
  orderId: string;
  shipmentId: string | null;
  occurredAt: Date;
  now: Date;
  keyFor: (channel: Channel) => string;
  /** Waiting on top of the trigger's own delay (the follow-up's days after delivery). */
  extraDelayMinutes?: number;
}

/**
 * Inserts one outbox row per channel the trigger is on for (unless its dedupe key was recorded before) and enqueues
 * its send job, due when the message may go out: the cause plus the trigger's delay, past quiet hours.
 */
export async function recordMessages(tx: DbClient, shop: string, context: NotificationContext, messages: NewMessages): Promise<RecordOutcome> {
  const channels = channelsFor(context, messages.trigger);
  if (!channels.length) return { recorded: false, reason: "no_channel" };
  const setting = context.preferences.triggers[messages.trigger];
  const messageIds: string[] = [];
  for (const channel of channels) {
    const sendAt = sendTimeFor({
      occurredAt: messages.occurredAt,
      now: messages.now,
      delayMinutes: setting.delayMinutes + (messages.extraDelayMinutes ?? 0),
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
