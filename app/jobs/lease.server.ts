import type { Db, DbClient } from "../db.server";
import { Prisma } from "../generated/sqlite/client";
import { retryDelayMs } from "./backoff";
import { PermanentJobError } from "./errors";
import { JOB_STATUS, type ClaimedJob } from "./job";
import { enqueueJob } from "./queue.server";

type LeaseHolder = Pick<ClaimedJob, "shop" | "id" | "lockedBy" | "attempts">;

// The lease is held by this worker for this attempt. The attempt count is the fencing token: a job whose
// lease expired and was claimed again, even by the same worker, no longer matches its old holder.
function heldBy(job: LeaseHolder) {
  return { shop: job.shop, id: job.id, status: JOB_STATUS.running, lockedBy: job.lockedBy, attempts: job.attempts };
}

/** Extends the lease of a running job (heartbeat); false when this worker no longer holds it. */
export async function renewLease(client: DbClient, job: LeaseHolder, leaseMs: number, now = new Date()): Promise<boolean> {
  const { count } = await client.job.updateMany({
    where: heldBy(job),
    data: { lockedUntil: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}

/** Marks a job succeeded; false (and no change) when this worker no longer holds its lease. */
export function completeJob(db: Db, job: ClaimedJob, now = new Date()): Promise<boolean> {
  return finishJob(db, job, { status: JOB_STATUS.succeeded }, now);
}

/**
 * Marks finished jobs succeeded in one statement, for a worker finishing several at once; recurring jobs go through
 * completeJob (their next run is enqueued with it). Returns the ids whose lease this worker still held; the others
 * (reclaimed or cancelled meanwhile) are left as they are.
 */
export async function completeJobs(db: DbClient, jobs: readonly ClaimedJob[], now = new Date()): Promise<Set<string>> {
  if (jobs.some((job) => job.repeatEveryMs !== null)) throw new Error("completeJobs takes no recurring job: use completeJob");
  if (!jobs.length) return new Set();
  const held = jobs.map(
    (job) => Prisma.sql`("shop" = ${job.shop} AND "id" = ${job.id} AND "lockedBy" = ${job.lockedBy} AND "attempts" = ${job.attempts})`,
  );
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Job"
    SET "status" = ${JOB_STATUS.succeeded}, "uniqueKey" = NULL, "lockedUntil" = NULL, "finishedAt" = ${now}, "updatedAt" = ${now}
    WHERE "status" = ${JOB_STATUS.running} AND (${Prisma.join(held, " OR ")})
    RETURNING "id"`;
  return new Set(rows.map((row) => row.id));
}

export type JobFailure =
  | { status: typeof JOB_STATUS.queued; runAt: Date }
  | { status: typeof JOB_STATUS.dead }
  | { status: "lease_lost" };

/**
 * Records a failed attempt: queued again after exponential backoff with jitter, or dead-lettered when the
 * error is a PermanentJobError or the attempts are used up. The error's message is kept in `lastError`.
 */
export async function failJob(
  db: Db,
  job: ClaimedJob,
  error: unknown,
  options: { now?: Date; random?: () => number } = {},
): Promise<JobFailure> {
  const now = options.now ?? new Date();
  const lastError = describeError(error);
  if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
    const finished = await finishJob(db, job, { status: JOB_STATUS.dead, lastError }, now);
    return finished ? { status: JOB_STATUS.dead } : { status: "lease_lost" };
  }
  const runAt = new Date(now.getTime() + retryDelayMs(job.attempts, options.random));
  const { count } = await db.job.updateMany({
    where: heldBy(job),
    data: { status: JOB_STATUS.queued, runAt, lastError, lockedUntil: null },
  });
  return count === 1 ? { status: JOB_STATUS.queued, runAt } : { status: "lease_lost" };
}

// Finishing releases the uniqueKey so the work can be enqueued again; a recurring job's next run is enqueued
// in the same transaction, so a crash cannot lose the schedule.
async function finishJob(
  db: Db,
  job: ClaimedJob,
  outcome: { status: typeof JOB_STATUS.succeeded | typeof JOB_STATUS.dead; lastError?: string },
  now: Date,
): Promise<boolean> {
  const finish = async (client: DbClient) => {
    const { count } = await client.job.updateMany({
      where: heldBy(job),
      data: { ...outcome, uniqueKey: null, lockedUntil: null, finishedAt: now },
    });
    return count === 1;
  };
  const everyMs = job.repeatEveryMs;
  if (everyMs === null) return finish(db);
  return db.$transaction(async (tx) => {
    if (!(await finish(tx))) return false;
    await enqueueJob(tx, job.shop, job.name, JSON.parse(job.payload), {
      runAt: new Date(now.getTime() + everyMs),
      repeatEveryMs: everyMs,
      maxAttempts: job.maxAttempts,
      ...(job.uniqueKey ? { uniqueKey: job.uniqueKey } : {}),
    });
    return true;
  });
}

const MAX_ERROR_LENGTH = 4_000;

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `Non-error thrown: ${String(error)}`;
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}
