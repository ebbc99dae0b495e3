import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestDatabase } from "~/test/database";
import { claimJobs } from "../claim.server";
import { enqueueJob } from "../queue.server";
import { defineJob, PermanentJobError } from "../registry";
import { drainJobs, startWorker, type JobWorker } from "../worker.server";
import { deferred, emptyQueue, eventually, freshShop, jobRow, noopJob } from "./helpers";

const test = useTestDatabase();
const workers: JobWorker[] = [];

beforeEach(() => emptyQueue(test.get()));
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

function start(options: Omit<Parameters<typeof startWorker>[0], "database">): JobWorker {
  const worker = startWorker({ database: test.get(), ...options });
  workers.push(worker);
  return worker;
}

describe("startWorker", () => {
  it("GIVEN a concurrency of 3 WHEN 10 slow jobs are queued THEN all run, never more than 3 at once", async () => {
    const database = test.get();
    const shop = freshShop();
    let active = 0;
    let peak = 0;
    const slowJob = defineJob({
      name: "test.slow",
      payload: z.object({ n: z.number() }),
      handle: async () => {
        peak = Math.max(peak, ++active);
        await new Promise((resolve) => setTimeout(resolve, 30));
        active--;
      },
    });
    for (let n = 0; n < 10; n++) await enqueueJob(database.prisma, shop, "test.slow", { n });

    start({ handlers: [slowJob], concurrency: 3, pollIntervalMs: 20, leaseMs: 30_000 });

    await eventually(async () => (await database.prisma.job.count({ where: { shop, status: "succeeded" } })) === 10);
    expect(peak).toBe(3);
  });

  it("GIVEN a worker running a job WHEN it is stopped THEN stop waits for that job and claims no more", async () => {
    const database = test.get();
    const shop = freshShop();
    const release = deferred();
    const started = deferred();
    const heldJob = defineJob({
      name: "test.held",
      payload: z.object({}),
      handle: async () => {
        started.resolve();
        await release.promise;
      },
    });
    const first = await enqueueJob(database.prisma, shop, "test.held", {});
    const worker = start({ handlers: [heldJob, noopJob], concurrency: 2, pollIntervalMs: 20, leaseMs: 30_000 });
    await started.promise;

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    const second = await enqueueJob(database.prisma, shop, "test.noop", { n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;

    expect((await jobRow(database, shop, first.id)).status).toBe("succeeded");
    expect((await jobRow(database, shop, second.id)).status).toBe("queued");
  });

  it("GIVEN an idle worker polling once a minute WHEN a job is enqueued in this process inside a transaction THEN it runs within moments of the commit", async () => {
    const database = test.get();
    const shop = freshShop();
    const ran = deferred();
    const quickJob = defineJob({ name: "test.quick", payload: z.object({}), handle: async () => ran.resolve() });
    start({ handlers: [quickJob], concurrency: 1, pollIntervalMs: 60_000, leaseMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const enqueuedAt = Date.now();
    await database.prisma.$transaction(async (tx) => {
      await enqueueJob(tx, shop, "test.quick", {});
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
    await ran.promise;

    expect(Date.now() - enqueuedAt).toBeLessThan(1_000);
  });

  it("GIVEN a busy worker WHEN another worker's lease expires meanwhile THEN the busy worker still reclaims and runs that job", async () => {
    const database = test.get();
    const shop = freshShop();
    const ran: number[] = [];
    const recordingJob = defineJob({
      name: "test.recording",
      payload: z.object({ n: z.number() }),
      handle: async (_ctx, { n }) => {
        ran.push(n);
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
    });
    // Worker "crashed" took job 0 with a lease that ends while the busy worker works through 30 others.
    await enqueueJob(database.prisma, shop, "test.recording", { n: 0 });
    await claimJobs(database, "crashed", 1, 300);
    for (let n = 1; n <= 30; n++) await enqueueJob(database.prisma, shop, "test.recording", { n });

    start({ handlers: [recordingJob], concurrency: 2, pollIntervalMs: 50, leaseMs: 30_000 });

    await eventually(() => ran.length === 31, 10_000);
    expect(ran.filter((n) => n === 0)).toHaveLength(1);
  });

  it("GIVEN handlers with two definitions of one name WHEN starting a worker THEN it refuses", () => {
    expect(() => start({ handlers: [noopJob, noopJob], concurrency: 1 })).toThrow('Two job definitions are named "test.noop"');
  });
});

describe("drainJobs", () => {
  it("GIVEN jobs that enqueue follow-ups and one that fails WHEN draining THEN every due job runs once and the failure waits for its retry", async () => {
    const database = test.get();
    const shop = freshShop();
    const order: string[] = [];
    const parentJob = defineJob({
      name: "test.parent",
      payload: z.object({ id: z.string() }),
      handle: async ({ db, shop: jobShop }, { id }) => {
        order.push(`parent ${id}`);
        await enqueueJob(db, jobShop, "test.child", { id });
      },
    });
    const childJob = defineJob({
      name: "test.child",
      payload: z.object({ id: z.string() }),
      handle: async (_ctx, { id }) => void order.push(`child ${id}`),
    });
    const failingJob = defineJob({
      name: "test.failing",
      payload: z.object({ permanent: z.boolean() }),
      handle: async (_ctx, { permanent }) => {
        throw permanent ? new PermanentJobError("gone") : new Error("later");
      },
    });
    await enqueueJob(database.prisma, shop, "test.parent", { id: "a" });
    await enqueueJob(database.prisma, shop, "test.parent", { id: "b" });
    await enqueueJob(database.prisma, shop, "test.failing", { permanent: false });
    await enqueueJob(database.prisma, shop, "test.failing", { permanent: true });
    await enqueueJob(database.prisma, shop, "test.parent", { id: "later" }, { delayMs: 60_000 });

    const summary = await drainJobs(database, [parentJob, childJob, failingJob]);

    expect(summary).toEqual({ succeeded: 4, retry: 1, dead: 1, lease_lost: 0 });
    expect(order.sort()).toEqual(["child a", "child b", "parent a", "parent b"]);
    expect(await database.prisma.job.count({ where: { shop, status: "queued" } })).toBe(2);
  });

  it("GIVEN a job that keeps enqueueing due work WHEN draining THEN it stops with an explanation instead of looping forever", async () => {
    const database = test.get();
    const loopJob = defineJob({
      name: "test.loop",
      payload: z.object({}),
      handle: async ({ db, shop }) => void (await enqueueJob(db, shop, "test.loop", {})),
    });
    await enqueueJob(database.prisma, freshShop(), "test.loop", {});

    await expect(drainJobs(database, [loopJob], { maxJobs: 50 })).rejects.toThrow("keep enqueueing due work");
  });
});
