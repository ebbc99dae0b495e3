import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { useTestDatabase } from "~/test/database";
import { claimJobs } from "../claim.server";
import { createJobCompleter } from "../completions.server";
import { completeJobs } from "../lease.server";
import { enqueueJob, scheduleRecurring } from "../queue.server";
import { emptyQueue, freshShop, jobRow, later } from "./helpers";

const test = useTestDatabase();
const LEASE_MS = 30_000;

beforeEach(() => emptyQueue(test.get()));

/** The database client, counting the raw statements sent through it. */
function countingRawStatements(prisma: Db): { db: Db; statements: () => number } {
  let statements = 0;
  const db = new Proxy(prisma, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== "$queryRaw" || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        statements++;
        return (value as (...raw: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db, statements: () => statements };
}

describe("completeJobs", () => {
  it("GIVEN three finished jobs, one reclaimed by another worker meanwhile WHEN completed together THEN the two still held succeed and the third is left alone", async () => {
    const database = test.get();
    const shop = freshShop();
    for (let n = 0; n < 3; n++) await enqueueJob(database.prisma, shop, "test.noop", { n }, { uniqueKey: `key-${n}` });
    const start = new Date();
    const [lost, ...held] = await claimJobs(database, "worker-a", 3, LEASE_MS, start);
    await database.prisma.job.updateMany({ where: { shop, id: lost!.id }, data: { lockedUntil: start } });
    await claimJobs(database, "worker-b", 1, LEASE_MS, later(start, 1));

    const completed = await completeJobs(database.prisma, [lost!, ...held], later(start, 2));

    expect(completed).toEqual(new Set(held.map((job) => job.id)));
    for (const job of held) expect(await jobRow(database, shop, job.id)).toMatchObject({ status: "succeeded", uniqueKey: null, lockedUntil: null });
    expect(await jobRow(database, shop, lost!.id)).toMatchObject({ status: "running", lockedBy: "worker-b", uniqueKey: "key-0" });
  });
});

describe("createJobCompleter", () => {
  it("GIVEN five jobs finishing at once WHEN completed THEN each learns it succeeded, written in two statements instead of five", async () => {
    const database = test.get();
    const shop = freshShop();
    for (let n = 0; n < 5; n++) await enqueueJob(database.prisma, shop, "test.noop", { n });
    const jobs = await claimJobs(database, "worker-a", 5, LEASE_MS);
    const counted = countingRawStatements(database.prisma);
    const complete = createJobCompleter(counted.db);

    const outcomes = await Promise.all(jobs.map((job) => complete(job, new Date())));

    expect(outcomes).toEqual([true, true, true, true, true]);
    expect(counted.statements()).toBe(2);
    expect(await database.prisma.job.count({ where: { shop, status: "succeeded" } })).toBe(5);
  });

  it("GIVEN a recurring job among them WHEN completed THEN its next run is queued as completeJob would", async () => {
    const database = test.get();
    const shop = freshShop();
    await scheduleRecurring(database.prisma, shop, "test.noop", 60_000, { firstRunAt: new Date(Date.now() - 1000) });
    await enqueueJob(database.prisma, shop, "test.noop", { n: 1 });
    const jobs = await claimJobs(database, "worker-a", 2, LEASE_MS);
    const complete = createJobCompleter(database.prisma);

    expect(await Promise.all(jobs.map((job) => complete(job, new Date())))).toEqual([true, true]);

    expect(await database.prisma.job.findMany({ where: { shop, status: "queued" }, select: { repeatEveryMs: true } })).toEqual([{ repeatEveryMs: 60_000 }]);
  });
});
