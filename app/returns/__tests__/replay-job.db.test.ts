import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyQueue, eventually } from "~/jobs/__tests__/helpers";
import { jobDefinitions } from "~/jobs/handlers.server";
import { queueStartupTasks, startJobWorker } from "~/jobs/start.server";
import type { JobWorker } from "~/jobs/worker.server";
import { recordInstall } from "~/shops/install.server";
import { useTestDatabase } from "~/test/database";
import { queueReturnWebhookReplays, REPLAY_RETURN_WEBHOOKS_JOB, replayReturnWebhooksJob } from "../replay-job.server";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const workers: JobWorker[] = [];
let counter = 0;

// The sweep looks at every shop's events, so each test starts from an empty inbox and queue.
beforeEach(async () => {
  await emptyQueue(database.get());
  await prisma().webhookEvent.deleteMany({});
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

async function installedShop(label: string, uninstalledAt: Date | null = null): Promise<string> {
  const shop = `${label}-${++counter}-${Date.now()}.myshopify.com`;
  await prisma().shop.create({ data: { shop, uninstalledAt } });
  return shop;
}

/** A returns/approve for a return Aftercare never created: applying it only marks it processed. */
async function storeEvent(shop: string, topic: string, status: string) {
  const payload = { id: 9, admin_graphql_api_id: "gid://shopify/Return/9", status: "open", order: { id: 1, admin_graphql_api_id: "gid://shopify/Order/1" } };
  return prisma().webhookEvent.create({ data: { shop, webhookId: `wh-${++counter}`, topic, status, payload: JSON.stringify(payload), triggeredAt: new Date() } });
}

const replayJobs = (shop: string) => prisma().job.findMany({ where: { shop, name: REPLAY_RETURN_WEBHOOKS_JOB } });

describe("queueReturnWebhookReplays (run when a worker starts)", () => {
  it("GIVEN shops with and without returns webhooks never applied THEN only installed shops holding some get a replay, once", async () => {
    const deferred = await installedShop("deferred");
    const failed = await installedShop("failed");
    const done = await installedShop("done");
    const otherTopic = await installedShop("other-topic");
    const gone = await installedShop("gone", new Date());
    await storeEvent(deferred, "returns/approve", "deferred");
    await storeEvent(deferred, "returns/close", "deferred");
    await storeEvent(failed, "returns/request", "failed");
    await storeEvent(done, "returns/approve", "processed");
    await storeEvent(otherTopic, "returns/process", "deferred");
    await storeEvent(gone, "returns/approve", "deferred");

    expect(await queueReturnWebhookReplays(prisma())).toBe(2);
    // A second worker starting while the first replay waits queues nothing new.
    await queueReturnWebhookReplays(prisma());

    expect(await replayJobs(deferred)).toHaveLength(1);
    expect(await replayJobs(failed)).toHaveLength(1);
    for (const shop of [done, otherTopic, gone]) expect(await replayJobs(shop)).toEqual([]);
  });

  it("GIVEN nothing to replay THEN no job is queued", async () => {
    expect(await queueReturnWebhookReplays(prisma())).toBe(0);
    expect(await prisma().job.count({ where: { name: REPLAY_RETURN_WEBHOOKS_JOB } })).toBe(0);
  });

  it("GIVEN the worker's job list THEN the replay job has a handler", () => {
    expect(jobDefinitions).toContain(replayReturnWebhooksJob);
  });

  it("GIVEN the startup tasks THEN they queue the replay", async () => {
    const shop = await installedShop("startup");
    await storeEvent(shop, "returns/approve", "deferred");

    await queueStartupTasks(database.get());

    expect(await replayJobs(shop)).toHaveLength(1);
  });
});

describe("startJobWorker", () => {
  it("GIVEN returns webhooks stored as deferred before a deploy WHEN a worker starts THEN they are replayed and applied", async () => {
    const shop = await installedShop("boot");
    const event = await storeEvent(shop, "returns/approve", "deferred");

    workers.push(startJobWorker({ database: database.get(), concurrency: 1, pollIntervalMs: 20 }));

    await eventually(async () => (await prisma().webhookEvent.findFirstOrThrow({ where: { shop, id: event.id } })).status === "processed");
  });
});

describe("recordInstall", () => {
  it("GIVEN a shop that comes back with returns webhooks never applied WHEN it installs again THEN its replay is queued in the install", async () => {
    const shop = await installedShop("reinstall", new Date("2026-11-20T00:00:00Z"));
    await storeEvent(shop, "returns/approve", "deferred");

    await prisma().$transaction((tx) => recordInstall(tx, shop, "read_orders"));

    expect(await replayJobs(shop)).toHaveLength(1);
  });

  it("GIVEN a new shop with nothing stored WHEN it installs THEN no replay is queued", async () => {
    const shop = `fresh-${++counter}.myshopify.com`;

    await prisma().$transaction((tx) => recordInstall(tx, shop, "read_orders"));

    expect(await replayJobs(shop)).toEqual([]);
  });
});
