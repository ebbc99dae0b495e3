import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDefinitions } from "~/jobs/handlers.server";
import { drainJobs } from "~/jobs/worker.server";
import { useTestDatabase } from "~/test/database";
import { subscribedTopics } from "~/webhooks/__tests__/app-config";
import { shopifyHmac, signedWebhookRequest } from "~/webhooks/__tests__/signed-webhook";
import { receiveWebhook } from "~/webhooks/intake.server";
import { INJECTION_STRINGS } from "./hostile-strings";

const database = useTestDatabase();
const prisma = () => database.get().prisma;

const REJECTED = [400, 401, 405, 413];
const HEADERS = ["x-shopify-hmac-sha256", "x-shopify-topic", "x-shopify-shop-domain", "x-shopify-api-version", "x-shopify-webhook-id", "x-shopify-triggered-at"];
const TOPICS = [...new Set(subscribedTopics().map(({ topic }) => topic))];

const jsonishBody = fc.oneof(
  fc.json(),
  fc.string(),
  fc.constantFrom(...INJECTION_STRINGS),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.constant(""),
);
/** Whether fetch's Headers accepts the value (an HTTP client cannot send anything else). */
function isSendableHeaderValue(value: string): boolean {
  try {
    new Headers({ probe: value });
    return true;
  } catch {
    return false;
  }
}
/** A header change: removed, or replaced by an arbitrary or hostile value. */
const headerMutation = fc.record({
  name: fc.constantFrom(...HEADERS),
  value: fc.oneof(fc.constant(null), fc.string({ maxLength: 200 }), fc.constantFrom(...INJECTION_STRINGS)).filter((value) => value === null || isSendableHeaderValue(value)),
});

async function rowCounts() {
  return { events: await prisma().webhookEvent.count(), jobs: await prisma().job.count() };
}

beforeEach(async () => {
  await prisma().job.deleteMany({});
  await prisma().webhookEvent.deleteMany({});
});

describe("receiveWebhook under arbitrary input", () => {
  it("GIVEN arbitrary bodies with a mutated or unsigned HMAC WHEN delivered THEN it answers 4xx and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(jsonishBody, fc.array(headerMutation, { maxLength: 3 }), fc.constantFrom("POST", "PUT", "GET"), async (body, mutations, method) => {
        const headers: Record<string, string | null> = { "x-shopify-hmac-sha256": shopifyHmac(`${body}tampered`) };
        for (const { name, value } of mutations) headers[name] = value;
        const response = await receiveWebhook(signedWebhookRequest({ body, headers, method }));

        expect(REJECTED).toContain(response.status);
        expect(await rowCounts()).toEqual({ events: 0, jobs: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it("GIVEN correctly signed bodies with mutated metadata headers WHEN delivered THEN it is 200 or 4xx, and only a 200 writes", async () => {
    await fc.assert(
      fc.asyncProperty(jsonishBody, fc.array(headerMutation.filter(({ name }) => name !== "x-shopify-hmac-sha256"), { maxLength: 3 }), async (body, mutations) => {
        const before = await rowCounts();
        const response = await receiveWebhook(signedWebhookRequest({ body, headers: Object.fromEntries(mutations.map(({ name, value }) => [name, value])) }));

        expect([200, ...REJECTED]).toContain(response.status);
        const after = await rowCounts();
        if (response.status !== 200) expect(after).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    { case: "a Content-Length over the limit", request: () => signedWebhookRequest({ headers: { "content-length": String(64 * 1024 * 1024) } }) },
    { case: "a body over the limit", request: () => signedWebhookRequest({ body: `{"pad":"${"x".repeat(10 * 1024 * 1024)}"}` }) },
  ])("GIVEN $case WHEN delivered THEN 413 and nothing is stored", async ({ request }) => {
    const response = await receiveWebhook(request());

    expect(response.status).toBe(413);
    expect(await rowCounts()).toEqual({ events: 0, jobs: 0 });
  });

  it("GIVEN a validly signed arbitrary JSON object on a subscribed topic WHEN delivered twice and the jobs drain THEN it is stored once and its job ends succeeded or dead with a reason", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }), fc.constantFrom(...TOPICS), async (object, topic) => {
        const webhookId = randomUUID();
        // A shop per run: app/uninstalled or shop/redact of one run must not change what the next run sees.
        const shop = `fuzz-${webhookId.slice(0, 8)}.myshopify.com`;
        const body = JSON.stringify(object);
        for (let delivery = 0; delivery < 2; delivery++) {
          expect((await receiveWebhook(signedWebhookRequest({ topic, shop, body, webhookId }))).status).toBe(200);
        }

        await drainJobs(database.get(), jobDefinitions);

        const events = await prisma().webhookEvent.findMany({ where: { shop, webhookId } });
        expect(events).toHaveLength(1);
        expect(["processed", "ignored", "deferred", "failed"]).toContain(events[0]!.status);
        if (events[0]!.status === "failed") expect(events[0]!.error).toBeTruthy();
        const jobs = await prisma().job.findMany({ where: { shop, name: "webhooks.process", payload: { contains: events[0]!.id } } });
        expect(jobs).toHaveLength(1);
        // app/uninstalled cancels the shop's live jobs, its own included, after applying the event.
        const finished = topic === "app/uninstalled" ? ["succeeded", "dead", "cancelled"] : ["succeeded", "dead"];
        expect(finished).toContain(jobs[0]!.status);
        if (jobs[0]!.status === "dead") expect(jobs[0]!.lastError).toBeTruthy();
      }),
      { numRuns: 40 },
    );
  });
});
