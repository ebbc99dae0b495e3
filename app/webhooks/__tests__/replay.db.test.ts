import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { PROCESS_WEBHOOK_JOB } from "../process-job-payload";
import { replayWebhookEvents } from "../replay.server";

const database = useTestDatabase();
const SHOP = "replay.myshopify.com";

describe("replayWebhookEvents", () => {
  it("GIVEN deferred, failed and processed events WHEN a topic is replayed twice THEN only this shop's unprocessed events are queued, once each", async () => {
    const prisma = database.get().prisma;
    const make = (shop: string, webhookId: string, status: string, topic = "returns/request") =>
      prisma.webhookEvent.create({ data: { shop, webhookId, topic, status, payload: "{}", error: "why" } });
    const deferred = await make(SHOP, "d", "deferred");
    const failed = await make(SHOP, "f", "failed");
    await make(SHOP, "p", "processed");
    await make(SHOP, "other-topic", "deferred", "returns/approve");
    await make("another.myshopify.com", "d", "deferred");

    expect(await replayWebhookEvents(prisma, SHOP, "returns/request")).toBe(2);
    await replayWebhookEvents(prisma, SHOP, "returns/request");

    const jobs = await prisma.job.findMany({ where: { name: PROCESS_WEBHOOK_JOB } });
    expect(jobs.map((job) => JSON.parse(job.payload).webhookEventId).sort()).toEqual([deferred.id, failed.id].sort());
    expect(jobs.every((job) => job.shop === SHOP)).toBe(true);
    expect(await prisma.webhookEvent.findFirstOrThrow({ where: { shop: SHOP, id: deferred.id } })).toMatchObject({ status: "received", error: null });
    expect((await prisma.webhookEvent.findFirstOrThrow({ where: { shop: "another.myshopify.com" } })).status).toBe("deferred");
  });
});
