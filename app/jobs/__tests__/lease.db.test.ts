import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { claimJobs } from "../claim.server";
import { PermanentJobError } from "../errors";
import { completeJob, failJob, renewLease } from "../lease.server";
import { enqueueJob } from "../queue.server";
import { emptyQueue, freshShop, jobRow, later } from "./helpers";

const test = useTestDatabase();
const LEASE_MS = 30_000;

beforeEach(() => emptyQueue(test.get()));

describe("failJob", () => {
  it("GIVEN a job that keeps failing WHEN each retry comes due THEN it backs off exponentially and dies after maxAttempts with its error kept", async () => {
    const database = test.get();
    const shop = freshShop();
    const { id } = await enqueueJob(database.prisma, shop, "test.flaky", {}, { maxAttempts: 3 });
    let now = new Date();
    const waits: number[] = [];

    for (let attempt = 1; attempt <= 3; attempt++) {
      const [job] = await claimJobs(database, "worker-a", 1, LEASE_MS, now);
      expect(job).toMatchObject({ id, attempts: attempt });
      const result = await failJob(database.prisma, job!, new Error(`Shopify 503 #${attempt}`), { now, random: () => 1 });
      if (result.status !== "queued") {
        expect(result.status).toBe("dead");
        break;
      }
      waits.push(result.runAt.getTime() - now.getTime());
      expect(await claimJobs(database, "worker-a", 1, LEASE_MS, later(result.runAt, -1))).toEqual([]);
      now = result.runAt;
    }

    expect(waits).toEqual([10_000, 20_000]);
    expect(await jobRow(database, shop, id)).toMatchObject({
      status: "dead",
      attempts: 3,
      lastError: "Error: Shopify 503 #3",
      lockedUntil: null,
      finishedAt: now,
    });
  });

  it("GIVEN a retryable failure WHEN it is recorded THEN the job is queued again with the error kept", async () => {
    const database = test.get();
    const shop = freshShop();
    const { id } = await enqueueJob(database.prisma, shop, "test.flaky", {});
    const [job] = await claimJobs(database, "worker-a", 1, LEASE_MS);

    await failJob(database.prisma, job!, new Error("timeout"));

    expect(await jobRow(database, shop, id)).toMatchObject({ status: "queued", attempts: 1, lastError: "Error: timeout", finishedAt: null });
  });

  it.each([
    { thrown: new PermanentJobError("order was deleted"), lastError: "PermanentJobError: order was deleted" },
    { thrown: new PermanentJobError("x".repeat(10_000)), lastError: `PermanentJobError: ${"x".repeat(4_000 - "PermanentJobError: ".length)}…` },
  ])("GIVEN a PermanentJobError on the first of 8 attempts WHEN it is recorded THEN the job is dead at once", async ({ thrown, lastError }) => {
    const database = test.get();
    const shop = freshShop();
    const { id } = await enqueueJob(database.prisma, shop, "test.doomed", {});
    const [job] = await claimJobs(database, "worker-a", 1, LEASE_MS);

    expect(await failJob(database.prisma, job!, thrown)).toEqual({ status: "dead" });
    expect(await jobRow(database, shop, id)).toMatchObject({ status: "dead", attempts: 1, maxAttempts: 8, lastError });
  });
});

describe("leases", () => {
  it("GIVEN a worker that crashed mid-job WHEN its lease expires THEN another worker reclaims the job, and the first worker's late completion is refused", async () => {
    const database = test.get();
    const shop = freshShop();
    const { id } = await enqueueJob(database.prisma, shop, "test.noop", {});
    const start = new Date();
    const [lost] = await claimJobs(database, "worker-a", 1, LEASE_MS, start);

    expect(await claimJobs(database, "worker-b", 1, LEASE_MS, later(start, LEASE_MS - 1))).toEqual([]);
    const [reclaimed] = await claimJobs(database, "worker-b", 1, LEASE_MS, later(start, LEASE_MS + 1));

    expect(reclaimed).toMatchObject({ id, attempts: 2, lockedBy: "worker-b", lastError: "lease of worker-a expired" });
    expect(await completeJob(database.prisma, lost!)).toBe(false);
    expect(await failJob(database.prisma, lost!, new Error("late"))).toEqual({ status: "lease_lost" });
    expect(await renewLease(database.prisma, lost!, LEASE_MS)).toBe(false);
    expect(await completeJob(database.prisma, reclaimed!)).toBe(true);
    expect(await jobRow(database, shop, id)).toMatchObject({ status: "succeeded", attempts: 2, lockedBy: "worker-b" });
  });

  it("GIVEN an expired lease WHEN a claim skips reclaiming THEN only due queued jobs are taken, and the next reclaiming claim takes the expired one", async () => {
    const database = test.get();
    const shop = freshShop();
    const { id: crashed } = await enqueueJob(database.prisma, shop, "test.noop", {});
    const start = new Date();
    await claimJobs(database, "worker-a", 1, LEASE_MS, start);
    const { id: queued } = await enqueueJob(database.prisma, shop, "test.noop", {}, { runAt: start });
    const afterExpiry = later(start, LEASE_MS + 1);

    const skipping = await claimJobs(database, "worker-b", 10, LEASE_MS, afterExpiry, { reclaimExpired: false });
    const reclaiming = await claimJobs(database, "worker-b", 10, LEASE_MS, afterExpiry);

    expect(skipping.map((job) => job.id)).toEqual([queued]);
    expect(reclaiming).toMatchObject([{ id: crashed, lockedBy: "worker-b", lastError: "lease of worker-a expired" }]);
  });

  it("GIVEN the same worker reclaims its own expired job WHEN the stale attempt completes THEN it is refused (attempts fence the lease)", async () => {
    const database = test.get();
    await enqueueJob(database.prisma, freshShop(), "test.noop", {});
    const start = new Date();
    const [stale] = await claimJobs(database, "worker-a", 1, LEASE_MS, start);
    const [current] = await claimJobs(database, "worker-a", 1, LEASE_MS, later(start, LEASE_MS + 1));

    expect(await completeJob(database.prisma, stale!)).toBe(false);
    expect(await completeJob(database.prisma, current!)).toBe(true);
  });

  it("GIVEN a long job whose worker renews its lease WHEN the original lease would have expired THEN nobody else claims it", async () => {
    const database = test.get();
    await enqueueJob(database.prisma, freshShop(), "test.slow", {});
    const start = new Date();
    const [job] = await claimJobs(database, "worker-a", 1, LEASE_MS, start);

    expect(await renewLease(database.prisma, job!, LEASE_MS, later(start, LEASE_MS - 1_000))).toBe(true);

    expect(await claimJobs(database, "worker-b", 1, LEASE_MS, later(start, LEASE_MS + 1_000))).toEqual([]);
    expect(await claimJobs(database, "worker-b", 1, LEASE_MS, later(start, 2 * LEASE_MS))).toHaveLength(1);
  });
});
