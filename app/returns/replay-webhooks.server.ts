import type { Db } from "~/db.server";
import { replayWebhookEvents } from "~/webhooks/replay.server";
import { RETURN_TOPICS } from "./webhooks.server";

/**
 * Queues the returns webhooks a shop received while the feature did not exist yet (stored as `deferred`), so
 * the cases they concern catch up. Safe to run again: processed events are never replayed. Returns how many.
 */
export async function replayReturnWebhooks(database: Db, shop: string): Promise<number> {
  let queued = 0;
  for (const topic of RETURN_TOPICS) queued += await replayWebhookEvents(database, shop, topic);
  return queued;
}
