import { Prisma } from "../generated/sqlite/client";
import type { Database } from "../db.server";
import { CLAIMED_JOB_COLUMNS, claimedJobSchema, JOB_STATUS, type ClaimedJob } from "./job";

/**
 * Claims up to `limit` due jobs for `workerId` with a lease of `leaseMs`: first running jobs whose lease
 * expired (their worker crashed), then queued jobs whose `runAt` has come, oldest first. Each claim counts
 * as an attempt. Safe with any number of workers: PostgreSQL skips rows another worker is claiming, and
 * SQLite runs each claim as one statement under its single writer lock. A busy worker passes
 * `reclaimExpired: false` on most claims: expired leases are minutes old, so looking for them on every claim
 * would cost a statement per job for nothing.
 */
export async function claimJobs(
  database: Database,
  workerId: string,
  limit: number,
  leaseMs: number,
  now = new Date(),
  options: { reclaimExpired?: boolean } = {},
): Promise<ClaimedJob[]> {
  if (limit <= 0) return [];
  const lease = { workerId, lockedUntil: new Date(now.getTime() + leaseMs), now };
  const reclaimed =
    options.reclaimExpired === false
      ? []
      : await claimWhere(database, lease, limit, Prisma.sql`"status" = ${JOB_STATUS.running} AND "lockedUntil" <= ${now}`);
  const due =
    reclaimed.length < limit
      ? await claimWhere(database, lease, limit - reclaimed.length, Prisma.sql`"status" = ${JOB_STATUS.queued} AND "runAt" <= ${now}`)
      : [];
  // RETURNING comes back in no particular order; run the oldest first.
  return [...reclaimed, ...due].map((row) => claimedJobSchema.parse(row)).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
}

interface Lease {
  workerId: string;
  lockedUntil: Date;
  now: Date;
}

// Timestamps are compared as stored: Prisma's SQLite adapter writes ISO-8601 text ("…T…+00:00") and binds Date
// parameters the same way, so text order is time order; PostgreSQL binds them as UTC timestamp(3).
// A reclaimed job's lastError names the worker that lost it (SET expressions read the row before the update).
async function claimWhere(database: Database, lease: Lease, limit: number, condition: Prisma.Sql): Promise<unknown[]> {
  const skipLocked = database.provider === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  return database.prisma.$queryRaw<unknown[]>`
    UPDATE "Job"
    SET "status" = ${JOB_STATUS.running},
        "attempts" = "attempts" + 1,
        "lastError" = CASE WHEN "status" = ${JOB_STATUS.running} THEN 'lease of ' || "lockedBy" || ' expired' ELSE "lastError" END,
        "lockedBy" = ${lease.workerId},
        "lockedUntil" = ${lease.lockedUntil},
        "updatedAt" = ${lease.now}
    WHERE "id" IN (
      SELECT "id" FROM "Job" WHERE ${condition} ORDER BY "runAt" LIMIT ${limit} ${skipLocked}
    )
    RETURNING ${Prisma.raw(CLAIMED_JOB_COLUMNS)}`;
}
