import { randomUUID } from "node:crypto";
import type { DbClient } from "~/db.server";
import { enqueueJob } from "~/jobs/queue.server";
import { getNotificationPreferences } from "~/notifications/preferences.server";
import { usableTimeZone } from "~/time-zone";
import { dueDigestPeriod } from "./period";

/** The job that sends one digest (job.server.ts). */
export const EXCEPTION_DIGEST_JOB = "exceptions.digest";

/** A first digest lists the flags of the day before it. */
const FIRST_DIGEST_LOOKBACK_MS = 24 * 3600_000;

/**
 * Records today's digest once it is due (the shop's digest hour has passed in its time zone) and enqueues its
 * send job. The unique (shop, period) row makes this safe from every scan and every worker: one digest per day.
 * Returns the digest's id when this call recorded it.
 */
export async function recordDueDigest(client: DbClient, shop: string, now: Date): Promise<string | null> {
  const { exceptions } = await getNotificationPreferences(client, shop);
  if (exceptions.digest.hour === null) return null;
  const shopRow = await client.shop.findUnique({ where: { shop }, select: { ianaTimezone: true } });
  const period = dueDigestPeriod(now, usableTimeZone(shopRow?.ianaTimezone), exceptions.digest.hour);
  if (!period) return null;
  const previous = await client.exceptionDigest.findFirst({ where: { shop }, orderBy: { until: "desc" }, select: { period: true, until: true } });
  if (previous?.period === period) return null;
  const since = previous?.until ?? new Date(now.getTime() - FIRST_DIGEST_LOOKBACK_MS);
  // ON CONFLICT: two workers scanning at once both reach here; the second inserts nothing.
  const inserted = await client.$queryRaw<{ id: string }[]>`
    INSERT INTO "ExceptionDigest" ("shop", "id", "period", "status", "since", "until", "exceptionCount", "attempts", "createdAt", "updatedAt")
    VALUES (${shop}, ${randomUUID()}, ${period}, 'pending', ${since}, ${now}, 0, 0, ${now}, ${now})
    ON CONFLICT ("shop", "period") DO NOTHING
    RETURNING "id"`;
  const id = inserted[0]?.id;
  if (!id) return null;
  await enqueueJob(client, shop, EXCEPTION_DIGEST_JOB, { digestId: id }, { runAt: now, uniqueKey: `exception-digest:${id}` });
  return id;
}
