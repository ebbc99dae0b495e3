import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { claimJobs } from "../claim.server";
import { JOB_STATUS } from "../job";
import { completeJob, failJob } from "../lease.server";
import { cancelShopJobs, enqueueJob, recurringKey, scheduleRecurring } from "../queue.server";
import { PermanentJobError } from "../errors";
import { deferred, emptyQueue, eventually, freshShop, jobRow, later } from "./helpers";

const test = useTestDatabase();
const LEASE_MS = 30_000;

beforeEach(() => emptyQueue(test.get()));

describe("enqueueJob → claimJobs → completeJob", () => {
  it("GIVEN an enqueued job WHEN a worker claims and completes it THEN it is succeeded with one attempt", async () => {
    const database = test.get();
    const shop = freshShop();
    const { id, created } = await enqueueJob(database.prisma, shop, "test.noop", { orderId: "gid://shopify/Order/9007199254740993" });

    const [claimed, ...others] = await claimJobs(database, "worker-a", 10, LEASE_MS);

    expect(created).toBe(true);
    expect(others).toEqual([]);
    expect(claimed).toMatchObject({ shop, id, name: "test.noop", attempts: 1, lockedBy: "worker-a" });
    expect(JSON.parse(claimed!.payload)).toEqual({ orderId: "gid://shopify/Order/9007199254740993" });
    expect(await completeJob(database.prisma, claimed!)).toBe(true);
    expect(await jobRow(database, shop, id)).toMatchObject({ status: "succeeded", attempts: 1, lockedUntil: null });
    expect(await claimJobs(database, "worker-a", 10, LEASE_MS)).toEqual([]);
  });

  it("GIVEN a claimed job WHEN another worker claims THEN it gets nothing while the lease holds", async () => {
    const database = test.get();
    await enqueueJob(database.prisma, freshShop(), "test.noop", {});
    const now = new Date();

    expect(await claimJobs(database, "worker-a", 10, LEASE_MS, now)).toHaveLength(1);
    expect(await claimJobs(database, "worker-b", 10, LEASE_MS, later(now, LEASE_MS - 1))).toEqual([]);
  });

  it("GIVEN more due jobs than the limit WHEN claiming THEN the oldest `limit` are claimed", async () => {
    const database = test.get();
    const shop = freshShop();
    const base = new Date(Date.now() - 60_000);
    const ids = [];
    for (const offset of [3, 1, 2]) ids.push((await enqueueJob(database.prisma, shop, "test.noop", { offset }, { runAt: later(base, offset) })).id);

    const claimed = await claimJobs(database, "worker-a", 2, LEASE_MS);

    expect(claimed.map((job) => job.id)).toEqual([ids[1], ids[2]]);
  });

  it("GIVEN a caller's transaction WHEN it rolls back THEN the job it enqueued is gone with it", async () => {
    const database = test.get();
    const shop = freshShop();

    await expect(
      database.prisma.$transaction(async (tx) => {
        await enqueueJob(tx, shop, "test.noop", {});
        throw new Error("intake failed");
      }),
    ).rejects.toThrow("intake failed");

    expect(await database.prisma.job.count({ where: { shop } })).toBe(0);
  });

  it.each([
    { options: { runAt: new Date(), delayMs: 5 }, problem: "runAt or delayMs" },
    { options: { maxAttempts: 0 }, problem: "maxAttempts" },
    { options: { delayMs: -1 }, problem: "delayMs" },
  ])("GIVEN options $options WHEN enqueueing THEN it is refused naming $problem", async ({ options, problem }) => {
    await expect(enqueueJob(test.get().prisma, freshShop(), "test.noop", {}, options)).rejects.toThrow(problem);
  });
});

describe("delayed jobs", () => {
  it.each([
    { how: "delayMs", options: (_now: Date) => ({ delayMs: 60_000 }) },
    { how: "runAt", options: (now: Date) => ({ runAt: later(now, 60_000) }) },
  ])("GIVEN a job delayed by $how WHEN claiming before it is due THEN nothing is claimed, and at its time it is", async ({ options }) => {
    const database = test.get();
    const now = new Date();
    const { id } = await enqueueJob(database.prisma, freshShop(), "test.noop", {}, options(now));

    expect(await claimJobs(database, "worker-a", 10, LEASE_MS, later(now, 50_000))).toEqual([]);
    const claimed = await claimJobs(database, "worker-a", 10, LEASE_MS, later(now, 61_000));

    expect(claimed.map((job) => job.id)).toEqual([id]);
  });
});

describe("uniqueKey", () => {
  it("GIVEN a queued job with a key WHEN enqueueing the key again THEN the existing job is returned", async () => {
    const database = test.get();
    const shop = freshShop();
    const first = await enqueueJob(database.prisma, shop, "test.noop", {}, { uniqueKey: "scan" });
    const second = await enqueueJob(database.prisma, shop, "test.noop", {}, { uniqueKey: "scan" });

    expect(second).toEqual({ id: first.id, created: false });
    expect(await database.prisma.job.count({ where: { shop } })).toBe(1);
  });

  it("GIVEN a running job with a key WHEN enqueueing the key again inside a transaction THEN the running job is returned", async () => {
    const database = test.get();
    const shop = freshShop();
    const first = await enqueueJob(database.prisma, shop, "test.noop", {}, { uniqueKey: "scan" });
    await claimJobs(database, "worker-a", 1, LEASE_MS);

    const second = await database.prisma.$transaction((tx) => enqueueJob(tx, shop, "test.noop", {}, { uniqueKey: "scan" }));

    expect(second).toEqual({ id: first.id, created: false });
  });

  it("GIVEN the same key in two shops WHEN enqueueing THEN each shop gets its own job", async () => {
    const database = test.get();
    const a = await enqueueJob(database.prisma, freshShop(), "test.noop", {}, { uniqueKey: "scan" });
    const b = await enqueueJob(database.prisma, freshShop(), "test.noop", {}, { uniqueKey: "scan" });

    expect([a.created, b.created]).toEqual([true, true]);
    expect(a.id).not.toBe(b.id);
  });

  it.each([
    { ending: "succeeded", finish: (db: Parameters<typeof completeJob>[0], job: Parameters<typeof completeJob>[1]) => completeJob(db, job) },
    { ending: "dead", finish: (db: Parameters<typeof completeJob>[0], job: Parameters<typeof completeJob>[1]) => failJob(db, job, new PermanentJobError("no")) },
  ])("GIVEN a keyed job that ended $ending WHEN enqueueing the key again THEN a new job is created", async ({ ending, finish }) => {
    const database = test.get();
    const shop = freshShop();
    const first = await enqueueJob(database.prisma, shop, "test.noop", {}, { uniqueKey: "scan" });
    const [claimed] = await claimJobs(database, "worker-a", 1, LEASE_MS);
    await finish(database.prisma, claimed!);

    const second = await enqueueJob(database.prisma, shop, "test.noop", {}, { uniqueKey: "scan" });

    expect(second.created).toBe(true);
    expect(second.id).not.toBe(first.id);
    expect(await jobRow(database, shop, first.id)).toMatchObject({ status: ending, uniqueKey: null });
  });

  it("GIVEN a keyed job enqueued in a transaction still open WHEN the key is enqueued again meanwhile THEN it waits and gets that job once committed", async () => {
    const database = test.get();
    const shop = freshShop();
    const held = deferred();
    let first: { id: string } | undefined;
    const transaction = database.prisma.$transaction(async (tx) => {
      first = await enqueueJob(tx, shop, "test.noop", {}, { uniqueKey: "pending" });
      await held.promise;
    });
    await eventually(() => first !== undefined);

    const second = enqueueJob(database.prisma, shop, "test.noop", {}, { uniqueKey: "pending" });
    setTimeout(held.resolve, 100);
    await transaction;

    expect(await second).toEqual({ id: first!.id, created: false });
    expect(await database.prisma.job.count({ where: { shop } })).toBe(1);
  });

  it("GIVEN many concurrent enqueues of one key WHEN they race THEN exactly one job is created", async () => {
    const database = test.get();
    const shop = freshShop();

    const results = await Promise.all(Array.from({ length: 20 }, () => enqueueJob(database.prisma, shop, "test.noop", {}, { uniqueKey: "race" })));

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
  });
});

describe("scheduleRecurring", () => {
  it("GIVEN a recurring schedule WHEN scheduled again THEN exactly one instance is pending, due after the interval", async () => {
    const database = test.get();
    const shop = freshShop();
    const before = Date.now();
    const first = await scheduleRecurring(database.prisma, shop, "orders.reconcile", 15 * 60_000);
    const again = await scheduleRecurring(database.prisma, shop, "orders.reconcile", 15 * 60_000);

    const pending = await database.prisma.job.findMany({ where: { shop } });
    expect(again).toEqual({ id: first.id, created: false });
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ uniqueKey: recurringKey("orders.reconcile"), repeatEveryMs: 15 * 60_000, status: "queued" });
    expect(pending[0]!.runAt.getTime()).toBeGreaterThanOrEqual(before + 15 * 60_000);
  });

  it.each([
    { ending: "succeeds", finish: (db: Parameters<typeof completeJob>[0], job: Parameters<typeof completeJob>[1], at: Date) => completeJob(db, job, at) },
    { ending: "dies", finish: (db: Parameters<typeof completeJob>[0], job: Parameters<typeof completeJob>[1], at: Date) => failJob(db, job, new PermanentJobError("down"), { now: at }) },
  ])("GIVEN a recurring run WHEN it $ending THEN the next run is queued one interval later, with the same key and payload", async ({ finish }) => {
    const database = test.get();
    const shop = freshShop();
    const start = new Date();
    await scheduleRecurring(database.prisma, shop, "exceptions.scan", 60_000, { firstRunAt: start, payload: { depth: 2 } });
    const [run] = await claimJobs(database, "worker-a", 1, LEASE_MS, start);
    const finishedAt = later(start, 5_000);

    await finish(database.prisma, run!, finishedAt);

    const next = await database.prisma.job.findMany({ where: { shop, status: JOB_STATUS.queued } });
    expect(next).toHaveLength(1);
    expect(next[0]).toMatchObject({ name: "exceptions.scan", uniqueKey: recurringKey("exceptions.scan"), repeatEveryMs: 60_000, payload: '{"depth":2}' });
    expect(next[0]!.runAt).toEqual(later(finishedAt, 60_000));
  });

  it("GIVEN a recurring run WHEN it fails retryably THEN it retries itself and no second instance appears", async () => {
    const database = test.get();
    const shop = freshShop();
    const start = new Date();
    await scheduleRecurring(database.prisma, shop, "orders.reconcile", 60_000, { firstRunAt: start });
    const [run] = await claimJobs(database, "worker-a", 1, LEASE_MS, start);

    await failJob(database.prisma, run!, new Error("Shopify 503"), { now: start });

    expect(await database.prisma.job.count({ where: { shop } })).toBe(1);
  });
});

describe("cancelShopJobs", () => {
  it("GIVEN queued, running and recurring jobs in two shops WHEN one shop is cancelled THEN only its live jobs stop, for good", async () => {
    const database = test.get();
    const [shop, otherShop] = [freshShop(), freshShop()];
    const running = await enqueueJob(database.prisma, shop, "test.noop", {});
    const [claimed] = await claimJobs(database, "worker-a", 1, LEASE_MS);
    await enqueueJob(database.prisma, shop, "test.noop", {});
    await scheduleRecurring(database.prisma, shop, "orders.reconcile", 60_000);
    const other = await enqueueJob(database.prisma, otherShop, "test.noop", {});

    const cancelled = await cancelShopJobs(database.prisma, shop);

    expect(cancelled).toBe(3);
    expect(await database.prisma.job.count({ where: { shop, status: { in: ["queued", "running"] } } })).toBe(0);
    expect(await jobRow(database, otherShop, other.id)).toMatchObject({ status: "queued" });
    expect(claimed!.id).toBe(running.id);
    expect(await completeJob(database.prisma, claimed!)).toBe(false);
    expect(await jobRow(database, shop, running.id)).toMatchObject({ status: "cancelled" });
    const claimable = await claimJobs(database, "worker-b", 10, LEASE_MS, later(new Date(), 3_600_000));
    expect(claimable.map((job) => job.shop)).toEqual([otherShop]);
  });

  it("GIVEN a cancelled recurring job WHEN the shop reinstalls and schedules again THEN a new instance is created", async () => {
    const database = test.get();
    const shop = freshShop();
    const first = await scheduleRecurring(database.prisma, shop, "orders.reconcile", 60_000);
    await cancelShopJobs(database.prisma, shop);

    const again = await scheduleRecurring(database.prisma, shop, "orders.reconcile", 60_000);

    expect(again.created).toBe(true);
    expect(again.id).not.toBe(first.id);
  });
});
