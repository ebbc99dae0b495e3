import { z } from "zod";
import { inChunks } from "~/db/in-chunks";
import type { DbClient } from "~/db.server";
import { enqueueJob } from "~/jobs/queue.server";
import { defineJob } from "~/jobs/registry";
import { REPLAYABLE_STATUSES } from "~/webhooks/replay.server";
import { replayReturnWebhooks } from "./replay-webhooks.server";
import { RETURN_TOPICS } from "./webhooks.server";

export const REPLAY_RETURN_WEBHOOKS_JOB = "returns.replay-webhooks";

/** "returns.replay-webhooks": queues the shop's stored returns webhooks that were never applied. Safe to run twice. */
export const replayReturnWebhooksJob = defineJob({
  name: REPLAY_RETURN_WEBHOOKS_JOB,
  payload: z.object({}),
  handle: async ({ db, shop, logger }) => {
    const queued = await replayReturnWebhooks(db, shop);
    if (queued) logger.info({ queued }, "returns webhooks queued again");
  },
});

const replayable = { topic: { in: [...RETURN_TOPICS] }, status: { in: [...REPLAYABLE_STATUSES] } };

function enqueueReplay(client: DbClient, shop: string) {
  // The key makes a replay requested while one waits (two workers starting together) queue it once.
  return enqueueJob(client, shop, REPLAY_RETURN_WEBHOOKS_JOB, {}, { uniqueKey: REPLAY_RETURN_WEBHOOKS_JOB });
}

/**
 * After a (re)install: queues the shop's replay when it holds returns webhooks never applied (a shop uninstalled
 * at the last deploy was skipped then). Pass the install's transaction. Returns whether one was queued.
 */
export async function requestReturnWebhookReplay(client: DbClient, shop: string): Promise<boolean> {
  if ((await client.webhookEvent.count({ where: { shop, ...replayable } })) === 0) return false;
  await enqueueReplay(client, shop);
  return true;
}

/**
 * Run when a worker starts, i.e. after every deploy: queues a replay for each installed shop that holds returns
 * webhooks stored while no code applied them (deferred before the feature shipped, failed before a fix).
 * Returns how many shops were queued. One grouped query finds them, so a deploy with nothing to replay costs one.
 */
export async function queueReturnWebhookReplays(client: DbClient): Promise<number> {
  const groups = await client.webhookEvent.groupBy({ by: ["shop"], where: replayable });
  if (!groups.length) return 0;
  // An uninstalled shop's token is dead and its jobs are cancelled; it is replayed when it installs again.
  const installed = await inChunks(
    groups.map((group) => group.shop),
    (shops) => client.shop.findMany({ where: { shop: { in: shops }, uninstalledAt: null }, select: { shop: true } }),
  );
  for (const { shop } of installed) await enqueueReplay(client, shop);
  return installed.length;
}
