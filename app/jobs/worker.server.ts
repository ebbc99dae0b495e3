import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "../db.server";
import { logger } from "../logger.server";
import { createAlarm } from "./alarm";
import { claimJobs } from "./claim.server";
import { createJobCompleter } from "./completions.server";
import { onJobEnqueued } from "./notify";
import { jobHandlers, type JobDefinition } from "./registry";
import { runClaimedJob, type JobOutcome } from "./run.server";

export const DEFAULT_POLL_INTERVAL_MS = 1_000;
export const DEFAULT_LEASE_MS = 5 * 60_000;
// After an in-process enqueue finds nothing (its transaction had not committed yet), poll again soon.
const NUDGE_DELAYS_MS = [5, 20, 50, 100, 250];

const workerSettingsSchema = z.object({
  concurrency: z.number().int().min(1).max(256),
  pollIntervalMs: z.number().int().positive().default(DEFAULT_POLL_INTERVAL_MS),
  leaseMs: z.number().int().min(10).default(DEFAULT_LEASE_MS),
  workerId: z.string().min(1).default(() => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`),
  wakeOnEnqueue: z.boolean().default(true),
});

export interface WorkerOptions extends z.input<typeof workerSettingsSchema> {
  database: Database;
  handlers: readonly JobDefinition[];
  /** The time claims and leases are computed from (tests). */
  clock?: () => Date;
}

export interface JobWorker {
  readonly id: string;
  /** Claims now instead of at the next poll. */
  wake(): void;
  /** Claims no more jobs and resolves once the running ones have finished. */
  stop(): Promise<void>;
}

/** Starts a polling worker that runs up to `concurrency` jobs at once until stopped. */
export function startWorker(options: WorkerOptions): JobWorker {
  const settings = workerSettingsSchema.parse(options);
  const { database, clock } = options;
  const handlers = jobHandlers(options.handlers);
  const log = logger.child({ workerId: settings.workerId });
  const running = new Set<Promise<void>>();
  const alarm = createAlarm();
  let stopping = false;
  let saturated = false;
  let nudgesLeft = 0;
  const unsubscribe = settings.wakeOnEnqueue
    ? onJobEnqueued(() => {
        nudgesLeft = NUDGE_DELAYS_MS.length;
        alarm.ring();
      })
    : () => false;

  const complete = createJobCompleter(database.prisma);

  function track(job: Awaited<ReturnType<typeof claimJobs>>[number]) {
    const task: Promise<void> = runClaimedJob(database, handlers, job, { leaseMs: settings.leaseMs, clock, logger: log, complete })
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: error, jobId: job.id }, "could not record a job's outcome; it runs again when its lease expires"),
      )
      .finally(() => {
        running.delete(task);
        if (saturated) alarm.ring();
      });
    running.add(task);
  }

  // Expired leases are looked for at most once per poll interval (or lease, if shorter), not on every claim.
  const reclaimEveryMs = Math.min(settings.pollIntervalMs, settings.leaseMs);
  let lastReclaimAt = Number.NEGATIVE_INFINITY;

  async function claimFree(): Promise<number> {
    const free = settings.concurrency - running.size;
    if (free <= 0) return 0;
    try {
      // Real time, not the claim clock: this paces our own statements.
      const reclaimExpired = performance.now() - lastReclaimAt >= reclaimEveryMs;
      if (reclaimExpired) lastReclaimAt = performance.now();
      const jobs = await claimJobs(database, settings.workerId, free, settings.leaseMs, clock?.() ?? new Date(), { reclaimExpired });
      jobs.forEach(track);
      saturated = jobs.length === free;
      return jobs.length;
    } catch (error) {
      log.error({ err: error }, "claiming jobs failed");
      return 0;
    }
  }

  const loop = (async () => {
    while (!stopping) {
      const claimed = await claimFree();
      if (stopping) break;
      const nudge = claimed === 0 && nudgesLeft > 0 ? NUDGE_DELAYS_MS[NUDGE_DELAYS_MS.length - nudgesLeft--] : undefined;
      await alarm.wait(nudge ?? settings.pollIntervalMs);
    }
  })();

  let stopped: Promise<void> | undefined;
  return {
    id: settings.workerId,
    wake: () => alarm.ring(),
    stop() {
      stopped ??= (async () => {
        stopping = true;
        unsubscribe();
        alarm.ring();
        await loop;
        await Promise.all([...running]);
      })();
      return stopped;
    },
  };
}

export type DrainSummary = Record<JobOutcome, number>;

/**
 * Runs every job due at `now` one after another, including jobs they enqueue, until none is due (tests and the
 * demo). Failed jobs are retried later than `now`, so they do not keep the drain going.
 */
export async function drainJobs(
  database: Database,
  handlers: readonly JobDefinition[],
  options: { now?: Date; leaseMs?: number; maxJobs?: number } = {},
): Promise<DrainSummary> {
  const byName = jobHandlers(handlers);
  const workerId = `drain:${randomUUID()}`;
  const clock = () => options.now ?? new Date();
  const maxJobs = options.maxJobs ?? 10_000;
  const summary: DrainSummary = { succeeded: 0, retry: 0, dead: 0, lease_lost: 0 };
  for (let ran = 0; ; ) {
    const batch = await claimJobs(database, workerId, 20, options.leaseMs ?? DEFAULT_LEASE_MS, clock());
    if (batch.length === 0) return summary;
    for (const job of batch) {
      summary[await runClaimedJob(database, byName, job, { leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS, clock })]++;
    }
    ran += batch.length;
    if (ran >= maxJobs) throw new Error(`drainJobs ran ${ran} jobs and more are due: does a job keep enqueueing due work?`);
  }
}
