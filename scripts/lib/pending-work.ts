import type { DbClient } from "../../app/db.server";
import { JOB_STATUS, LIVE_JOB_STATUSES } from "../../app/jobs/job";
import { WEBHOOK_EVENT_STATUS } from "../../app/webhooks/event-status";

export interface PendingWork {
  /** Stored webhooks whose processing has not finished (waiting, running or between attempts). */
  unprocessedWebhooks: number;
  /** Jobs due now, running, or waiting to retry; a recurring job's next scheduled run is not pending. */
  pendingJobs: number;
}

export interface FailedWork {
  failedWebhooks: number;
  deadJobs: number;
}

/** What the app still has to do for `shop` at `now`: its inbox and job queue, read from its database. */
export async function countPendingWork(client: DbClient, shop: string, now = new Date()): Promise<PendingWork> {
  const [unprocessedWebhooks, pendingJobs] = await Promise.all([
    client.webhookEvent.count({ where: { shop, status: WEBHOOK_EVENT_STATUS.received } }),
    client.job.count({
      where: { shop, status: { in: LIVE_JOB_STATUSES }, OR: [{ runAt: { lte: now } }, { attempts: { gt: 0 } }] },
    }),
  ]);
  return { unprocessedWebhooks, pendingJobs };
}

/** Work the app gave up on for `shop`: webhooks that failed for good and dead-lettered jobs. */
export async function countFailedWork(client: DbClient, shop: string): Promise<FailedWork> {
  const [failedWebhooks, deadJobs] = await Promise.all([
    client.webhookEvent.count({ where: { shop, status: WEBHOOK_EVENT_STATUS.failed } }),
    client.job.count({ where: { shop, status: JOB_STATUS.dead } }),
  ]);
  return { failedWebhooks, deadJobs };
}
