import { beforeEach, describe, expect, it } from "vitest";
import { env } from "~/env.server";
import { parseShopifyJson } from "~/webhooks/payload";
import { useTestDatabase } from "~/test/database";
import { receiveWebhook } from "../intake.server";
import { PROCESS_WEBHOOK_JOB } from "../process-job-payload";
import { REQUIRED_WEBHOOK_HEADERS } from "../delivery";
import { TEST_SHOP, shopifyHmac, signedWebhookRequest } from "./signed-webhook";

const database = useTestDatabase();
const prisma = () => database.get().prisma;

async function expectNoTrace() {
  expect(await prisma().webhookEvent.count()).toBe(0);
  expect(await prisma().job.count()).toBe(0);
}

beforeEach(async () => {
  await prisma().webhookEvent.deleteMany({});
  await prisma().job.deleteMany({});
});

describe("receiveWebhook rejections", () => {
  it.each(REQUIRED_WEBHOOK_HEADERS)("GIVEN a signed delivery without %s WHEN received THEN 400 and no trace", async (header) => {
    const response = await receiveWebhook(signedWebhookRequest({ headers: { [header]: null } }));

    expect(response.status).toBe(400);
    await expectNoTrace();
  });

  it.each([
    ["signed with another secret", { secret: "not-the-app-secret" }],
    ["whose body was altered after signing", { headers: { "x-shopify-hmac-sha256": shopifyHmac('{"id":1}') } }],
  ])("GIVEN a delivery %s WHEN received THEN 401 and no trace", async (_label, options) => {
    const response = await receiveWebhook(signedWebhookRequest(options));

    expect(response.status).toBe(401);
    await expectNoTrace();
  });

  it.each(["GET", "PUT", "DELETE"])("GIVEN a %s request WHEN received THEN 405 naming POST", async (method) => {
    const response = await receiveWebhook(signedWebhookRequest({ method }));

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    await expectNoTrace();
  });

  it("GIVEN a body over the limit with its Content-Length WHEN received THEN 413 before reading it", async () => {
    const body = "x".repeat(env().WEBHOOK_MAX_BODY_BYTES + 1);
    const request = signedWebhookRequest({ body, headers: { "content-length": String(body.length) } });

    const response = await receiveWebhook(request);

    expect(response.status).toBe(413);
    expect(request.bodyUsed).toBe(false);
    await expectNoTrace();
  });

  it.each([
    ["no Content-Length", null],
    ["a Content-Length that lies", "100"],
  ])("GIVEN a streamed body over the limit with %s WHEN received THEN 413", async (_label, contentLength) => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > env().WEBHOOK_MAX_BODY_BYTES) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const signed = signedWebhookRequest({ headers: { "content-length": contentLength } });
    const request = new Request(signed.url, { method: "POST", headers: signed.headers, body, duplex: "half" } as RequestInit);

    const response = await receiveWebhook(request);

    expect(response.status).toBe(413);
    expect(sent).toBeLessThanOrEqual(env().WEBHOOK_MAX_BODY_BYTES + 2 * chunk.byteLength);
    await expectNoTrace();
  });

  it.each([
    ["not JSON", "this is not json"],
    ["truncated JSON", '{"id": 1'],
    ["a JSON array", "[1, 2]"],
    ["a JSON scalar", "42"],
    ["empty", ""],
  ])("GIVEN a validly signed body that is %s WHEN received THEN 400 and no trace", async (_label, body) => {
    const response = await receiveWebhook(signedWebhookRequest({ body }));

    expect(response.status).toBe(400);
    await expectNoTrace();
  });
});

describe("receiveWebhook storage", () => {
  it("GIVEN a valid delivery WHEN received THEN 200 with the event stored and its job enqueued", async () => {
    const request = signedWebhookRequest({
      topic: "orders/updated",
      webhookId: "wh-1",
      body: '{"id":1,"name":"#1001"}',
      headers: { "x-shopify-event-id": "ev-9", "x-shopify-triggered-at": "2026-11-25T10:00:00.000Z" },
    });

    const response = await receiveWebhook(request);

    expect(response.status).toBe(200);
    const event = await prisma().webhookEvent.findFirstOrThrow({ where: { shop: TEST_SHOP, webhookId: "wh-1" } });
    expect(event).toMatchObject({
      topic: "orders/updated",
      eventId: "ev-9",
      apiVersion: "2026-07",
      payload: '{"id":1,"name":"#1001"}',
      status: "received",
      triggeredAt: new Date("2026-11-25T10:00:00.000Z"),
    });
    const jobs = await prisma().job.findMany({ where: { shop: TEST_SHOP } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ name: PROCESS_WEBHOOK_JOB, status: "queued" });
    expect(JSON.parse(jobs[0]!.payload)).toEqual({ webhookEventId: event.id });
  });

  it("GIVEN the same webhook delivered 10 times at once WHEN received THEN every answer is 200 and one event and one job exist", async () => {
    const body = '{"id":7}';
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => receiveWebhook(signedWebhookRequest({ webhookId: "same-webhook", body }))),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(await prisma().webhookEvent.count({ where: { shop: TEST_SHOP, webhookId: "same-webhook" } })).toBe(1);
    expect(await prisma().job.count({ where: { shop: TEST_SHOP } })).toBe(1);
  });

  it("GIVEN one webhook id from two shops WHEN received THEN each shop keeps its own event", async () => {
    await receiveWebhook(signedWebhookRequest({ webhookId: "shared-id", shop: "a.myshopify.com" }));
    await receiveWebhook(signedWebhookRequest({ webhookId: "shared-id", shop: "b.myshopify.com" }));

    expect(await prisma().webhookEvent.count({ where: { webhookId: "shared-id" } })).toBe(2);
  });

  it("GIVEN ids beyond 2^53 WHEN stored THEN every digit survives", async () => {
    const body = '{"id":123456789012345678901,"line_items":[{"id":9007199254740993}]}';

    await receiveWebhook(signedWebhookRequest({ webhookId: "big-ids", body }));

    const event = await prisma().webhookEvent.findFirstOrThrow({ where: { shop: TEST_SHOP, webhookId: "big-ids" } });
    expect(event.payload).toBe(body);
    expect(parseShopifyJson(event.payload)).toEqual({ id: "123456789012345678901", line_items: [{ id: "9007199254740993" }] });
  });

  it("GIVEN unicode names WHEN stored THEN the body is kept byte for byte", async () => {
    const body = JSON.stringify({ id: 2, customer: { first_name: "Zoë 李 🚚", last_name: "Ø'Brien" } });

    const response = await receiveWebhook(signedWebhookRequest({ webhookId: "unicode", body }));

    expect(response.status).toBe(200);
    const event = await prisma().webhookEvent.findFirstOrThrow({ where: { shop: TEST_SHOP, webhookId: "unicode" } });
    expect(event.payload).toBe(body);
  });

  it("GIVEN a fulfillment with null tracking fields WHEN received THEN it is stored like any other", async () => {
    const body = '{"id":3,"order_id":4,"tracking_company":null,"tracking_number":null,"tracking_numbers":[],"tracking_url":null}';

    const response = await receiveWebhook(signedWebhookRequest({ topic: "fulfillments/create", webhookId: "null-tracking", body }));

    expect(response.status).toBe(200);
    expect(await prisma().webhookEvent.count({ where: { shop: TEST_SHOP, webhookId: "null-tracking" } })).toBe(1);
  });

  it("GIVEN a topic nothing handles WHEN received THEN 200, stored as ignored with the reason, and no job", async () => {
    const response = await receiveWebhook(signedWebhookRequest({ topic: "products/create", webhookId: "unknown-topic" }));

    expect(response.status).toBe(200);
    const event = await prisma().webhookEvent.findFirstOrThrow({ where: { shop: TEST_SHOP, webhookId: "unknown-topic" } });
    expect(event).toMatchObject({ status: "ignored", error: "no handler for topic products/create" });
    expect(await prisma().job.count()).toBe(0);
  });

  it.each(["customers/data_request", "customers/redact", "shop/redact"])(
    "GIVEN the compliance topic %s WHEN received THEN 200 once stored with its job",
    async (topic) => {
      const response = await receiveWebhook(signedWebhookRequest({ topic, body: `{"shop_domain":"${TEST_SHOP}"}` }));

      expect(response.status).toBe(200);
      expect(await prisma().webhookEvent.count({ where: { shop: TEST_SHOP, topic } })).toBe(1);
      expect(await prisma().job.count({ where: { shop: TEST_SHOP, name: PROCESS_WEBHOOK_JOB } })).toBe(1);
    },
  );
});
