import { randomUUID } from "node:crypto";
import { z } from "zod";
import { clientProvider, type DbClient } from "../db.server";
import { Prisma } from "../generated/sqlite/client";
import { DEFAULT_MAX_ATTEMPTS, JOB_STATUS, LIVE_JOB_STATUSES } from "./job";
import { notifyJobEnqueued } from "./notify";

const enqueueOptionsSchema = z
  .object({
    /** When the job becomes due (default: now). */
    runAt: z.date().optional(),
    /** Due this many ms from now; the alternative to `runAt`. */
    delayMs: z.number().int().nonnegative().optional(),
    /** While a job with this key is queued or running for the shop, enqueueing again returns that job. */
    uniqueKey: z.string().min(1).max(500).optional(),
    maxAttempts: z.number().int().min(1).max(100).optional(),
    /** Recurring: finishing the job enqueues its next run this many ms later (see scheduleRecurring). */
    repeatEveryMs: z.number().int().positive().optional(),
  })
  .refine((options) => !(options.runAt && options.delayMs !== undefined), "give runAt or delayMs, not both");

export type EnqueueOptions = z.input<typeof enqueueOptionsSchema>;

export interface EnqueuedJob {
  id: string;
  /** false when a live job with the same uniqueKey already existed and was returned instead. */
  created: boolean;
}

const shopSchema = z.string().min(1, "shop is required");
const jobNameSchema = z.string().min(1, "job name is required");

/**
 * Adds a job for `shop`. Pass a transaction client to enqueue atomically with the caller's writes; the job
 * becomes visible to workers when that transaction commits.
 */
export async function enqueueJob(
  client: DbClient,
  shop: string,
  name: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<EnqueuedJob> {
  const settings = enqueueOptionsSchema.parse(options);
  const now = new Date();
  const row = {
    shop: shopSchema.parse(shop),
    name: jobNameSchema.parse(name),
    payload: JSON.stringify(payload === undefined ? {} : payload),
    runAt: settings.runAt ?? new Date(now.getTime() + (settings.delayMs ?? 0)),
    maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    repeatEveryMs: settings.repeatEveryMs ?? null,
  };
  const job = settings.uniqueKey
    ? await insertUnlessLive(client, row, settings.uniqueKey, now)
    : { id: (await client.job.create({ data: row, select: { id: true } })).id, created: true };
  if (job.created && row.runAt <= now) notifyJobEnqueued();
  return job;
}

type NewJobRow = { shop: string; name: string; payload: string; runAt: Date; maxAttempts: number; repeatEveryMs: number | null };

// ON CONFLICT instead of catching a unique violation: on PostgreSQL a failed INSERT aborts the caller's
// whole transaction, and the webhook intake enqueues inside one. One statement inserts the job or returns the live
// one; a live job that finishes (releasing its key) while the statement runs can leave it with neither, and then
// it runs again.
async function insertUnlessLive(client: DbClient, row: NewJobRow, uniqueKey: string, now: Date): Promise<EnqueuedJob> {
  for (let round = 0; round < 3; round++) {
    const id = randomUUID();
    const insert = clientProvider(client) === "postgresql" ? insertOrFindOnPostgres : insertOrFindOnSqlite;
    const [job] = await client.$queryRaw<{ id: string }[]>(insert(row, id, uniqueKey, now));
    if (job) return { id: job.id, created: job.id === id };
  }
  throw new Error(`Could not enqueue job "${row.name}" with uniqueKey "${uniqueKey}": the key kept changing hands`);
}

function insertRow(row: NewJobRow, id: string, uniqueKey: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "Job" ("shop", "id", "name", "payload", "uniqueKey", "status", "runAt", "attempts", "maxAttempts", "repeatEveryMs", "createdAt", "updatedAt")
    VALUES (${row.shop}, ${id}, ${row.name}, ${row.payload}, ${uniqueKey}, ${JOB_STATUS.queued}, ${row.runAt}, 0, ${row.maxAttempts}, ${row.repeatEveryMs}, ${now}, ${now})`;
}

// The SELECT reads the snapshot the statement started with: it finds the live job the INSERT collided with,
// unless that job committed while the INSERT waited for it (then no row). DO UPDATE would always return it, but
// would write the live row on every collision, and writers of one recurring job's row would abort each other.
function insertOrFindOnPostgres(row: NewJobRow, id: string, uniqueKey: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH inserted AS (${insertRow(row, id, uniqueKey, now)} ON CONFLICT ("shop", "uniqueKey") DO NOTHING RETURNING "id")
    SELECT "id" FROM inserted
    UNION ALL
    SELECT "id" FROM "Job" WHERE "shop" = ${row.shop} AND "uniqueKey" = ${uniqueKey} AND NOT EXISTS (SELECT 1 FROM inserted)`;
}

// SQLite allows no INSERT inside WITH. Rewriting the key with itself changes nothing and makes RETURNING name the
// live job; SQLite has a single writer, which this connection already is while it inserts.
function insertOrFindOnSqlite(row: NewJobRow, id: string, uniqueKey: string, now: Date): Prisma.Sql {
  return Prisma.sql`${insertRow(row, id, uniqueKey, now)} ON CONFLICT ("shop", "uniqueKey") DO UPDATE SET "uniqueKey" = excluded."uniqueKey" RETURNING "id"`;
}

/**
 * Makes `name` run for `shop` every `everyMs`, with exactly one pending instance: calling it again while one
 * is queued or running returns that one. The first run is `everyMs` from now unless `firstRunAt` says otherwise;
 * each run's completion (or dead-lettering) enqueues the next.
 */
export function scheduleRecurring(
  client: DbClient,
  shop: string,
  name: string,
  everyMs: number,
  options: { payload?: unknown; firstRunAt?: Date } = {},
): Promise<EnqueuedJob> {
  return enqueueJob(client, shop, name, options.payload ?? {}, {
    uniqueKey: recurringKey(name),
    repeatEveryMs: everyMs,
    runAt: options.firstRunAt ?? new Date(Date.now() + everyMs),
  });
}

/** The uniqueKey of a recurring job's pending instance. */
export function recurringKey(name: string): string {
  return `recurring:${name}`;
}

/**
 * Cancels every queued or running job of `shop` (app/uninstalled), recurring ones included; returns how many.
 * A job already running finishes its current attempt, but its completion is refused and nothing is re-enqueued.
 */
export async function cancelShopJobs(client: DbClient, shop: string, now = new Date()): Promise<number> {
  const { count } = await client.job.updateMany({
    where: { shop: shopSchema.parse(shop), status: { in: LIVE_JOB_STATUSES } },
    data: { status: JOB_STATUS.cancelled, uniqueKey: null, lockedUntil: null, finishedAt: now },
  });
  return count;
}
