import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { useTestDatabase } from "~/test/database";
import { claimJobs } from "../claim.server";
import { PermanentJobError } from "../errors";
import { enqueueJob } from "../queue.server";
import { defineJob, jobHandlers, type JobContext } from "../registry";
import { runClaimedJob } from "../run.server";
import { emptyQueue, freshShop, jobRow, later } from "./helpers";

const test = useTestDatabase();
const LEASE_MS = 30_000;

beforeEach(() => emptyQueue(test.get()));

const seen: { ctx: JobContext; payload: { orderId: string; count: number } }[] = [];
const recordJob = defineJob({
  name: "test.record",
  payload: z.object({ orderId: z.string().startsWith("gid://shopify/Order/"), count: z.number().int() }),
  handle: async (ctx, payload) => {
    seen.push({ ctx, payload });
  },
});
const handlers = jobHandlers([recordJob]);

async function enqueueAndRun(shop: string, name: string, payload: unknown) {
  const database = test.get();
  const { id } = await enqueueJob(database.prisma, shop, name, payload);
  const [job] = await claimJobs(database, "worker-a", 1, LEASE_MS);
  const outcome = await runClaimedJob(database, handlers, job!, { leaseMs: LEASE_MS });
  return { id, outcome, row: await jobRow(database, shop, id) };
}

describe("runClaimedJob", () => {
  it("GIVEN a valid payload WHEN the job runs THEN its handler gets the parsed payload and the job's shop, id and attempt", async () => {
    seen.length = 0;
    const shop = freshShop();

    const { id, outcome, row } = await enqueueAndRun(shop, "test.record", { orderId: "gid://shopify/Order/1", count: 2 });

    expect(outcome).toBe("succeeded");
    expect(row.status).toBe("succeeded");
    expect(seen).toHaveLength(1);
    expect(seen[0]!.payload).toEqual({ orderId: "gid://shopify/Order/1", count: 2 });
    expect(seen[0]!.ctx).toMatchObject({ shop, job: { id, name: "test.record", attempt: 1, maxAttempts: 8 } });
    expect(seen[0]!.ctx.signal.aborted).toBe(false);
  });

  it.each([
    { problem: "a missing field", payload: { orderId: "gid://shopify/Order/1" }, reason: /count/ },
    { problem: "a wrong type", payload: { orderId: "gid://shopify/Order/1", count: "2" }, reason: /expected number/i },
    { problem: "a bad id", payload: { orderId: "1", count: 2 }, reason: /gid:\/\/shopify\/Order\// },
    { problem: "no payload", payload: null, reason: /expected object/i },
  ])("GIVEN $problem WHEN the job runs THEN it is dead-lettered with the schema's message and the handler never runs", async ({ payload, reason }) => {
    seen.length = 0;

    const { outcome, row } = await enqueueAndRun(freshShop(), "test.record", payload);

    expect(outcome).toBe("dead");
    expect(row).toMatchObject({ status: "dead", attempts: 1 });
    expect(row.lastError).toMatch(/^PermanentJobError: invalid payload for "test.record"/);
    expect(row.lastError).toMatch(reason);
    expect(seen).toEqual([]);
  });

  it("GIVEN a job name nobody registered WHEN it runs THEN it is dead-lettered saying so", async () => {
    const { outcome, row } = await enqueueAndRun(freshShop(), "test.unheard-of", {});

    expect(outcome).toBe("dead");
    expect(row.lastError).toBe('PermanentJobError: no handler is registered for job "test.unheard-of" (app/jobs/handlers.server.ts)');
  });

  it("GIVEN a stored payload that is not JSON WHEN the job runs THEN it is dead-lettered, not crashed", async () => {
    const database = test.get();
    const shop = freshShop();
    const { id } = await enqueueJob(database.prisma, shop, "test.record", {});
    await database.prisma.job.updateMany({ where: { shop, id }, data: { payload: "{not json" } });
    const [job] = await claimJobs(database, "worker-a", 1, LEASE_MS);

    expect(await runClaimedJob(database, handlers, job!, { leaseMs: LEASE_MS })).toBe("dead");
    expect((await jobRow(database, shop, id)).lastError).toMatch(/^PermanentJobError: payload is not JSON/);
  });

  it.each([
    { thrown: new Error("Shopify 503"), outcome: "retry", status: "queued" },
    { thrown: new PermanentJobError("order deleted"), outcome: "dead", status: "dead" },
    { thrown: "a string", outcome: "retry", status: "queued" },
  ])("GIVEN a handler that throws $thrown WHEN it runs THEN the outcome is $outcome", async ({ thrown, outcome, status }) => {
    const database = test.get();
    const shop = freshShop();
    const failing = jobHandlers([defineJob({ name: "test.throws", payload: z.object({}), handle: async () => Promise.reject(thrown) })]);
    const { id } = await enqueueJob(database.prisma, shop, "test.throws", {});
    const [job] = await claimJobs(database, "worker-a", 1, LEASE_MS);

    expect(await runClaimedJob(database, failing, job!, { leaseMs: LEASE_MS })).toBe(outcome);
    expect((await jobRow(database, shop, id)).status).toBe(status);
  });

  it("GIVEN a job reclaimed after its lease expired at its last attempt WHEN it runs THEN it is dead-lettered without running again", async () => {
    seen.length = 0;
    const database = test.get();
    const shop = freshShop();
    const { id } = await enqueueJob(database.prisma, shop, "test.record", { orderId: "gid://shopify/Order/1", count: 1 }, { maxAttempts: 1 });
    const start = new Date();
    await claimJobs(database, "worker-a", 1, LEASE_MS, start);
    const [reclaimed] = await claimJobs(database, "worker-b", 1, LEASE_MS, later(start, LEASE_MS + 1));

    expect(await runClaimedJob(database, handlers, reclaimed!, { leaseMs: LEASE_MS, clock: () => later(start, LEASE_MS + 2) })).toBe("dead");
    expect(seen).toEqual([]);
    expect(await jobRow(database, shop, id)).toMatchObject({
      status: "dead",
      lastError: "PermanentJobError: gave up after 1 attempts (lease of worker-a expired)",
    });
  });

  it("GIVEN a handler still running when its lease is taken over WHEN the heartbeat notices THEN the handler's signal aborts and its completion is refused", async () => {
    const database = test.get();
    const shop = freshShop();
    let aborted = false;
    const slow = jobHandlers([
      defineJob({
        name: "test.slow",
        payload: z.object({}),
        handle: async ({ signal }) => {
          await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
          aborted = true;
        },
      }),
    ]);
    const { id } = await enqueueJob(database.prisma, shop, "test.slow", {});
    const [job] = await claimJobs(database, "worker-a", 1, 300);
    const running = runClaimedJob(database, slow, job!, { leaseMs: 300 });
    await database.prisma.job.updateMany({ where: { shop, id }, data: { lockedBy: "worker-b" } });

    expect(await running).toBe("lease_lost");
    expect(aborted).toBe(true);
  });
});
