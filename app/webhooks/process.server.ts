import type { Db } from "~/db.server";
import { MalformedPayloadError } from "~/errors";
import { PermanentJobError } from "~/jobs/errors";
import { atomically } from "~/orders/atomically.server";
import { WEBHOOK_EVENT_STATUS, type WebhookEventStatus } from "./event-status";
import { describeFailure, isPermanentFailure } from "./failure";
import type { WebhookHandler } from "./handler";
import { parseShopifyJson, type ShopifyJson } from "./payload";
import { GUARDED_WRITE_TOPICS, topicDisposition, type AppliedTopic } from "./topic-names";

export type WebhookHandlers = Readonly<Record<AppliedTopic, WebhookHandler>>;

export interface ProcessAttempt {
  attempt: number;
  maxAttempts: number;
}

/**
 * Applies a stored webhook event with the handler for its topic, in one transaction with marking it processed;
 * deferred and unknown topics are only marked. A failure records its reason on the event (`failed` once no
 * retry is left) and is rethrown for the job queue: as `PermanentJobError` when retrying cannot help.
 * Returns the event's resulting status, or "missing" when the event no longer exists (shop/redact).
 */
export async function processWebhookEvent(
  database: Db,
  shop: string,
  eventId: string,
  handlers: WebhookHandlers,
  attempt: ProcessAttempt,
): Promise<WebhookEventStatus | "missing"> {
  const where = { shop, id: eventId };
  const event = await database.webhookEvent.findFirst({ where });
  if (!event) return "missing";
  // The job can run twice (a lease expired after the commit); the status makes the second run a no-op.
  if (event.status === WEBHOOK_EVENT_STATUS.processed) return event.status;

  const disposition = topicDisposition(event.topic);
  if (disposition.kind !== "apply") {
    const status = disposition.kind === "defer" ? WEBHOOK_EVENT_STATUS.deferred : WEBHOOK_EVENT_STATUS.ignored;
    await database.webhookEvent.updateMany({ where, data: { status, error: disposition.reason, processedAt: new Date() } });
    return status;
  }

  try {
    const payload = readStoredPayload(event.payload);
    const context = { id: event.id, topic: event.topic, triggeredAt: event.triggeredAt, receivedAt: event.receivedAt };
    // The sync's own transaction helper: serializable unless the topic guards its writes, re-run on a write
    // conflict with a concurrent worker.
    await atomically(
      database,
      async (tx) => {
        await handlers[disposition.topic](tx, shop, payload, context);
        // updateMany: shop/redact deletes this very row, and that is success too.
        await tx.webhookEvent.updateMany({ where, data: { status: WEBHOOK_EVENT_STATUS.processed, error: null, processedAt: new Date() } });
      },
      { guardedWrites: GUARDED_WRITE_TOPICS.has(disposition.topic) },
    );
    return WEBHOOK_EVENT_STATUS.processed;
  } catch (error) {
    const reason = describeFailure(error);
    const permanent = isPermanentFailure(error);
    const final = permanent || attempt.attempt >= attempt.maxAttempts;
    await database.webhookEvent.updateMany({
      where,
      data: { status: final ? WEBHOOK_EVENT_STATUS.failed : WEBHOOK_EVENT_STATUS.received, error: reason },
    });
    // Rethrown with the scrubbed reason only: the queue stores the message as the job's lastError.
    throw permanent ? new PermanentJobError(reason) : new Error(reason);
  }
}

function readStoredPayload(stored: string): ShopifyJson {
  try {
    return parseShopifyJson(stored);
  } catch (error) {
    // The intake checks only that a body is a JSON object; the lossless parser is stricter (e.g. duplicate
    // keys), and its message names a position or key, never a value.
    throw new MalformedPayloadError(`The stored payload is not valid JSON: ${(error as Error).message}`);
  }
}
