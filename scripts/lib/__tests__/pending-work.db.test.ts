import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { countFailedWork, countPendingWork } from "../pending-work";

const SHOP = "demo-outfitters.myshopify.com";
const OTHER_SHOP = "other-outfitters.myshopify.com";
const NOW = new Date("2026-11-25T12:00:00Z");
const LATER = new Date(NOW.getTime() + 15 * 60_000);
const EARLIER = new Date(NOW.getTime() - 60_000);

const database = useTestDatabase();

async function storeWebhook(status: string, shop = SHOP) {
  await database.get().prisma.webhookEvent.create({ data: { shop, webhookId: randomUUID(), topic: "orders/create", payload: "{}", status } });
}

async function storeJob(job: { status: string; runAt: Date; attempts?: number; repeatEveryMs?: number }, shop = SHOP) {
  await database.get().prisma.job.create({ data: { shop, name: "orders.reconcile", ...job } });
}

beforeEach(async () => {
  await database.get().prisma.webhookEvent.deleteMany({});
  await database.get().prisma.job.deleteMany({});
});

describe("countPendingWork", () => {
  it.each([
    ["a webhook waiting for its job", () => storeWebhook("received"), { unprocessedWebhooks: 1, pendingJobs: 0 }],
    ["processed, ignored, deferred and failed webhooks", () => Promise.all(["processed", "ignored", "deferred", "failed"].map((s) => storeWebhook(s))), { unprocessedWebhooks: 0, pendingJobs: 0 }],
    ["a job due now", () => storeJob({ status: "queued", runAt: EARLIER }), { unprocessedWebhooks: 0, pendingJobs: 1 }],
    ["a running job", () => storeJob({ status: "running", runAt: EARLIER, attempts: 1 }), { unprocessedWebhooks: 0, pendingJobs: 1 }],
    ["a failed job waiting to retry", () => storeJob({ status: "queued", runAt: LATER, attempts: 2 }), { unprocessedWebhooks: 0, pendingJobs: 1 }],
    ["a recurring job's next scheduled run", () => storeJob({ status: "queued", runAt: LATER, repeatEveryMs: 900_000 }), { unprocessedWebhooks: 0, pendingJobs: 0 }],
    ["finished jobs", () => Promise.all(["succeeded", "dead", "cancelled"].map((status) => storeJob({ status, runAt: EARLIER, attempts: 1 }))), { unprocessedWebhooks: 0, pendingJobs: 0 }],
    ["another shop's backlog", () => Promise.all([storeWebhook("received", OTHER_SHOP), storeJob({ status: "queued", runAt: EARLIER }, OTHER_SHOP)]), { unprocessedWebhooks: 0, pendingJobs: 0 }],
  ])("GIVEN %s WHEN the shop's pending work is counted THEN it is as expected", async (_case, arrange, expected) => {
    await arrange();

    expect(await countPendingWork(database.get().prisma, SHOP, NOW)).toEqual(expected);
  });
});

describe("countFailedWork", () => {
  it("GIVEN failed webhooks and dead jobs of two shops WHEN one shop's are counted THEN only its own", async () => {
    await Promise.all([storeWebhook("failed"), storeWebhook("failed"), storeWebhook("processed"), storeWebhook("failed", OTHER_SHOP)]);
    await Promise.all([storeJob({ status: "dead", runAt: EARLIER, attempts: 8 }), storeJob({ status: "dead", runAt: EARLIER, attempts: 8 }, OTHER_SHOP)]);

    expect(await countFailedWork(database.get().prisma, SHOP)).toEqual({ failedWebhooks: 2, deadJobs: 1 });
  });
});
