import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDatabase, type Database } from "~/db.server";
import { createTestDatabaseUrl, dropTestDatabase } from "~/test/database";
import { enqueueJob } from "../queue.server";
import { defineJob } from "../registry";
import { startWorker } from "../worker.server";
import { eventually, freshShop } from "./helpers";

// Two workers with their own connection pools stand in for two processes on two machines.
let url = "";
let databases: Database[] = [];

beforeAll(async () => {
  url = await createTestDatabaseUrl("jobs_two_workers");
  databases = [createDatabase(url, { poolSize: 6 }), createDatabase(url, { poolSize: 6 })];
});
afterAll(async () => {
  await Promise.all(databases.map((database) => database.close()));
  await dropTestDatabase(url);
});

describe("two workers on one queue", () => {
  it("GIVEN 500 jobs WHEN two workers with separate connections process them concurrently THEN every job runs exactly once", { timeout: 60_000 }, async () => {
    const [first, second] = databases as [Database, Database];
    const JOBS = 500;
    const shop = freshShop();
    const runs = new Map<number, number>();
    const countJob = defineJob({
      name: "test.count",
      payload: z.object({ n: z.number().int() }),
      handle: async (_ctx, { n }) => {
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      },
    });
    for (let start = 0; start < JOBS; start += 50) {
      await first.prisma.$transaction(async (tx) => {
        for (let n = start; n < start + 50; n++) await enqueueJob(tx, shop, "test.count", { n });
      });
    }

    const workers = [first, second].map((database, index) =>
      startWorker({ database, handlers: [countJob], concurrency: 8, pollIntervalMs: 10, leaseMs: 30_000, workerId: `worker-${index}`, wakeOnEnqueue: false }),
    );
    await eventually(async () => (await first.prisma.job.count({ where: { shop, status: "succeeded" } })) === JOBS, 50_000);
    await Promise.all(workers.map((worker) => worker.stop()));

    expect(runs.size).toBe(JOBS);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    const byWorker = await first.prisma.job.groupBy({ by: ["lockedBy"], where: { shop }, _count: true, _max: { attempts: true } });
    expect(byWorker.map((group) => group.lockedBy).sort()).toEqual(["worker-0", "worker-1"]);
    expect(byWorker.every((group) => group._max.attempts === 1)).toBe(true);
  });
});
