import type { Db } from "~/db.server";
import { enqueueJob } from "~/jobs/queue.server";
import { WEBHOOK_EVENT_STATUS } from "./event-status";
import { PROCESS_WEBHOOK_JOB } from "./process-job-payload";

/** The stored events a replay picks up: never applied, or applied and failed. */
export const REPLAYABLE_STATUSES = [WEBHOOK_EVENT_STATUS.deferred, WEBHOOK_EVENT_STATUS.ignored, WEBHOOK_EVENT_STATUS.failed];

/**
 * Queues a shop's stored events of one topic for processing again: deferred ones once their feature exists,
 * failed ones once the bug is fixed. Processed events are never replayed. Returns how many were queued.
 */
export async function replayWebhookEvents(database: Db, shop: string, topic: string): Promise<number> {
  const events = await database.webhookEvent.findMany({
    where: { shop, topic, status: { in: REPLAYABLE_STATUSES } },
    select: { id: true },
    orderBy: { receivedAt: "asc" },
  });
  for (const event of events) {
    await database.$transaction(async (tx) => {
      await tx.webhookEvent.updateMany({
        where: { shop, id: event.id, status: { in: REPLAYABLE_STATUSES } },
        data: { status: WEBHOOK_EVENT_STATUS.received, error: null, processedAt: null },
      });
      // The key makes a replay requested twice queue the event once.
      await enqueueJob(tx, shop, PROCESS_WEBHOOK_JOB, { webhookEventId: event.id }, { uniqueKey: `replay:${event.id}` });
    });
  }
  return events.length;
}
