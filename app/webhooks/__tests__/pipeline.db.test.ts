import { describe, expect, it } from "vitest";
import { jobDefinitions } from "~/jobs/handlers.server";
import { drainJobs } from "~/jobs/worker.server";
import { useTestDatabase } from "~/test/database";
import { receiveWebhook } from "../intake.server";
import { processWebhookJob } from "../process-job.server";
import { TEST_SHOP, sampleBody, signedWebhookRequest } from "./signed-webhook";

const database = useTestDatabase();
const prisma = () => database.get().prisma;

async function deliver(topic: string, body: string, webhookId: string) {
  const response = await receiveWebhook(signedWebhookRequest({ topic, body, webhookId }));
  expect(response.status).toBe(200);
}

async function eventOf(webhookId: string) {
  return prisma().webhookEvent.findFirstOrThrow({ where: { shop: TEST_SHOP, webhookId } });
}

describe("webhook pipeline: intake → webhooks.process → sync", () => {
  it("GIVEN Shopify's documented orders/create and a fulfillment without tracking WHEN the jobs run THEN both are applied with exact ids", async () => {
    await deliver("orders/create", sampleBody("orders/create"), "order-1");
    await deliver(
      "fulfillments/create",
      sampleBody("fulfillments/create", { tracking_company: null, tracking_number: null, tracking_numbers: [], tracking_url: null, tracking_urls: [] }),
      "fulfillment-1",
    );

    // Every registered job: applying an order also queues follow-up work (delivery promises) that must not dead-letter.
    const summary = await drainJobs(database.get(), jobDefinitions);

    expect(summary).toMatchObject({ dead: 0 });
    expect(summary.succeeded).toBeGreaterThanOrEqual(2);
    expect((await eventOf("order-1")).status).toBe("processed");
    expect((await eventOf("fulfillment-1")).status).toBe("processed");
    expect(await prisma().order.findUnique({ where: { shop_id: { shop: TEST_SHOP, id: "gid://shopify/Order/820982911946154508" } } })).not.toBeNull();
  });

  it.each([
    ["orders/updated", '{"id":"not-a-number"}'],
    ["fulfillments/update", '{"id":5}'],
    ["refunds/create", '{"order_id":1}'],
    ["customers/redact", '{"shop_domain":"aftercare-test.myshopify.com","customer":{"id":"x"}}'],
  ])("GIVEN a malformed %s payload WHEN its job runs THEN it dead-letters with a reason and the event shows failed", async (topic, body) => {
    const webhookId = `malformed-${topic}`;
    await deliver(topic, body, webhookId);

    const summary = await drainJobs(database.get(), [processWebhookJob]);

    expect(summary).toMatchObject({ dead: 1, succeeded: 0 });
    const event = await eventOf(webhookId);
    expect(event.status).toBe("failed");
    expect(event.error).toMatch(/payload/i);
    const job = await prisma().job.findFirstOrThrow({ where: { shop: TEST_SHOP, payload: { contains: event.id } } });
    expect(job).toMatchObject({ status: "dead" });
    expect(job.lastError).toContain(event.error!);
  });
});
