import { randomUUID } from "node:crypto";
import type { Db } from "~/db.server";
import { Prisma } from "~/generated/sqlite/client";
import { DEFAULT_MAX_ATTEMPTS, JOB_STATUS } from "~/jobs/job";
import { notifyJobEnqueued } from "~/jobs/notify";
import type { WebhookDelivery } from "./delivery";
import { WEBHOOK_EVENT_STATUS } from "./event-status";
import { PROCESS_WEBHOOK_JOB } from "./process-job-payload";
import { topicDisposition } from "./topic-names";

export type InboxOutcome = "stored" | "ignored" | "duplicate";

/**
 * Stores verified deliveries in one transaction, each with the job that applies it, so an event is never
 * stored without its job nor a job left without its event. A webhook id the shop already has (Shopify
 * retries, duplicate sends) is a no-op. Unknown topics are stored as ignored, with no job.
 *
 * This is the intake's hot path, so a whole batch is two statements: one multi-row INSERT of the events
 * (ON CONFLICT DO NOTHING dedupes, also within the batch) and one INSERT … SELECT that creates a job for
 * exactly the events that statement inserted — the ids are new, so a duplicate never matches.
 */
export async function storeWebhookEvents(database: Db, deliveries: readonly WebhookDelivery[]): Promise<InboxOutcome[]> {
  if (deliveries.length === 0) return [];
  const now = new Date();
  const rows = deliveries.map((delivery) => ({ delivery, id: randomUUID(), disposition: topicDisposition(delivery.topic) }));
  const values = rows.map(({ delivery, id, disposition }) => {
    const ignored = disposition.kind === "ignore";
    return Prisma.sql`(${delivery.shop}, ${id}, ${delivery.webhookId}, ${delivery.topic}, ${delivery.eventId ?? null},
      ${delivery.triggeredAt}, ${delivery.apiVersion ?? null}, ${delivery.rawBody},
      ${ignored ? WEBHOOK_EVENT_STATUS.ignored : WEBHOOK_EVENT_STATUS.received}, ${ignored ? disposition.reason : null},
      ${now}, ${ignored ? now : null})`;
  });
  // Only the primary key selects the new events: a filter on status would let the planner pick the
  // (status, receivedAt) index and scan every unprocessed event, which grows with the backlog.
  const ids = rows.filter((row) => row.disposition.kind !== "ignore").map((row) => row.id);
  const insertJobs = ids.length
    ? [
        database.$executeRaw`
      INSERT INTO "Job" ("shop", "id", "name", "payload", "status", "runAt", "attempts", "maxAttempts", "createdAt", "updatedAt")
      SELECT "shop", 'webhook:' || "id", ${PROCESS_WEBHOOK_JOB}, '{"webhookEventId":"' || "id" || '"}', ${JOB_STATUS.queued},
        ${now}, 0, ${DEFAULT_MAX_ATTEMPTS}, ${now}, ${now}
      FROM "WebhookEvent"
      WHERE "id" IN (${Prisma.join(ids)})`,
      ]
    : [];
  const [inserted] = await database.$transaction([
    database.$queryRaw<{ id: string }[]>`
      INSERT INTO "WebhookEvent" ("shop", "id", "webhookId", "topic", "eventId", "triggeredAt", "apiVersion", "payload", "status", "error", "receivedAt", "processedAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("shop", "webhookId") DO NOTHING
      RETURNING "id"`,
    ...insertJobs,
  ]);
  const insertedIds = new Set(inserted.map((row) => row.id));
  const outcomes = rows.map(({ id, disposition }): InboxOutcome => {
    if (!insertedIds.has(id)) return "duplicate";
    return disposition.kind === "ignore" ? "ignored" : "stored";
  });
  if (outcomes.includes("stored")) notifyJobEnqueued();
  return outcomes;
}
