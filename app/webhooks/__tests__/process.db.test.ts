import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { DbClient } from "~/db.server";
import { MalformedPayloadError } from "~/errors";
import { PermanentJobError } from "~/jobs/errors";
import { InvalidShopifyPayloadError } from "~/orders/payload-fields";
import { useTestDatabase } from "~/test/database";
import type { WebhookHandler } from "../handler";
import { processWebhookEvent, type WebhookHandlers } from "../process.server";
import { APPLIED_TOPICS } from "../topic-names";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const SHOP = "process-test.myshopify.com";
const FIRST_OF_EIGHT = { attempt: 1, maxAttempts: 8 };
const LAST_OF_EIGHT = { attempt: 8, maxAttempts: 8 };

/** A handler table where every topic runs `handler`. */
function handlersRunning(handler: WebhookHandler): WebhookHandlers {
  return Object.fromEntries(APPLIED_TOPICS.map((topic) => [topic, handler])) as unknown as WebhookHandlers;
}

/** A handler that writes a row, then fails with `error`: nothing of it may remain. */
function writesThenThrows(error: unknown): WebhookHandler {
  return async (client: DbClient, shop: string) => {
    await client.customer.create({ data: { shop, id: "gid://shopify/Customer/1", email: "ada@example.com" } });
    throw error;
  };
}

async function storedEvent(topic: string, payload = '{"id":1}', shop = SHOP) {
  return prisma().webhookEvent.create({ data: { shop, topic, webhookId: `wh-${Math.random()}`, payload } });
}

beforeEach(async () => {
  await prisma().webhookEvent.deleteMany({});
  await prisma().customer.deleteMany({});
});

describe("processWebhookEvent", () => {
  it("GIVEN an event of an applied topic WHEN processed THEN its handler gets the exact payload and the event is processed", async () => {
    const handler = vi.fn<WebhookHandler>(async (client, shop) => {
      await client.customer.create({ data: { shop, id: "gid://shopify/Customer/1" } });
    });
    const event = await storedEvent("orders/create", '{"id":123456789012345678901,"name":"#1001"}');

    const status = await processWebhookEvent(prisma(), SHOP, event.id, handlersRunning(handler), FIRST_OF_EIGHT);

    expect(status).toBe("processed");
    expect(handler).toHaveBeenCalledWith(expect.anything(), SHOP, { id: "123456789012345678901", name: "#1001" }, expect.objectContaining({ id: event.id, topic: "orders/create" }));
    expect(await prisma().webhookEvent.findFirstOrThrow({ where: { shop: SHOP, id: event.id } })).toMatchObject({ status: "processed", error: null });
    expect(await prisma().customer.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("GIVEN an event already processed WHEN its job runs again THEN the handler is not called", async () => {
    const handler = vi.fn<WebhookHandler>(async () => undefined);
    const event = await storedEvent("orders/create");
    await processWebhookEvent(prisma(), SHOP, event.id, handlersRunning(handler), FIRST_OF_EIGHT);

    const status = await processWebhookEvent(prisma(), SHOP, event.id, handlersRunning(handler), FIRST_OF_EIGHT);

    expect(status).toBe("processed");
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["returns/process", "deferred"],
    ["reverse_fulfillment_orders/dispose", "deferred"],
    ["products/create", "ignored"],
  ])("GIVEN an event of %s WHEN processed THEN it is marked %s with a reason and kept", async (topic, expected) => {
    const handler = vi.fn<WebhookHandler>(async () => undefined);
    const event = await storedEvent(topic);

    const status = await processWebhookEvent(prisma(), SHOP, event.id, handlersRunning(handler), FIRST_OF_EIGHT);

    expect(status).toBe(expected);
    const stored = await prisma().webhookEvent.findFirstOrThrow({ where: { shop: SHOP, id: event.id } });
    expect(stored).toMatchObject({ status: expected, payload: '{"id":1}' });
    expect(stored.error).toBeTruthy();
    expect(handler).not.toHaveBeenCalled();
  });

  it("GIVEN a handler failing for a passing reason WHEN retries remain THEN the event keeps waiting with the error and nothing is half-written", async () => {
    const event = await storedEvent("orders/create");

    const processing = processWebhookEvent(prisma(), SHOP, event.id, handlersRunning(writesThenThrows(new Error("connection reset"))), FIRST_OF_EIGHT);

    const error = await processing.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PermanentJobError);
    expect(await prisma().webhookEvent.findFirstOrThrow({ where: { shop: SHOP, id: event.id } })).toMatchObject({
      status: "received",
      error: "Error: connection reset",
    });
    expect(await prisma().customer.count()).toBe(0);
  });

  it("GIVEN a handler failing on the last attempt WHEN processed THEN the event shows failed with the error", async () => {
    const event = await storedEvent("orders/create");

    await expect(
      processWebhookEvent(prisma(), SHOP, event.id, handlersRunning(writesThenThrows(new Error("still down"))), LAST_OF_EIGHT),
    ).rejects.toThrow("still down");

    expect(await prisma().webhookEvent.findFirstOrThrow({ where: { shop: SHOP, id: event.id } })).toMatchObject({
      status: "failed",
      error: "Error: still down",
    });
  });

  it.each([
    ["the sync's payload error", new InvalidShopifyPayloadError("order", ["id: expected a numeric id"]), /Invalid order payload: id: expected a numeric id/],
    ["a zod error", z.object({ id: z.string() }).safeParse({}).error, /Malformed payload: .*id/],
    ["a malformed payload error", new MalformedPayloadError("shop_domain does not match"), /shop_domain does not match/],
  ])("GIVEN a malformed payload (%s) WHEN processed THEN it dead-letters at once with the reason and writes nothing", async (_label, failure, reason) => {
    const event = await storedEvent("orders/create");

    const error = await processWebhookEvent(prisma(), SHOP, event.id, handlersRunning(writesThenThrows(failure)), FIRST_OF_EIGHT).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(PermanentJobError);
    expect((error as Error).message).toMatch(reason);
    const stored = await prisma().webhookEvent.findFirstOrThrow({ where: { shop: SHOP, id: event.id } });
    expect(stored.status).toBe("failed");
    expect(stored.error).toMatch(reason);
    expect(await prisma().customer.count()).toBe(0);
  });

  it("GIVEN a stored body the lossless parser refuses (a duplicated key) WHEN processed THEN it dead-letters with the parser's reason", async () => {
    const handler = vi.fn<WebhookHandler>(async () => undefined);
    const event = await storedEvent("orders/create", '{"id": 1, "id": 2}');

    const error = await processWebhookEvent(prisma(), SHOP, event.id, handlersRunning(handler), FIRST_OF_EIGHT).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PermanentJobError);
    const stored = await prisma().webhookEvent.findFirstOrThrow({ where: { shop: SHOP, id: event.id } });
    expect(stored.status).toBe("failed");
    expect(stored.error).toMatch(/not valid JSON: Duplicate key 'id'/);
    expect(handler).not.toHaveBeenCalled();
  });

  it("GIVEN a database error that echoes personal data WHEN recorded THEN the stored reason keeps only its kind", async () => {
    const event = await storedEvent("orders/create");
    const leaky: WebhookHandler = async (client, shop) => {
      // Missing the required id: Prisma's validation message quotes the whole call, email included.
      await client.customer.create({ data: { shop, email: "secret@example.com" } as never });
    };

    const error = await processWebhookEvent(prisma(), SHOP, event.id, handlersRunning(leaky), FIRST_OF_EIGHT).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PermanentJobError);
    const stored = await prisma().webhookEvent.findFirstOrThrow({ where: { shop: SHOP, id: event.id } });
    expect(stored.error).toBe("PrismaClientValidationError");
    expect((error as Error).message).not.toContain("secret@example.com");
  });

  it("GIVEN shop A's event WHEN shop B's job asks for it THEN it is not found and stays untouched", async () => {
    const handler = vi.fn<WebhookHandler>(async () => undefined);
    const event = await storedEvent("orders/create", '{"id":1}', "shop-a.myshopify.com");

    const status = await processWebhookEvent(prisma(), "shop-b.myshopify.com", event.id, handlersRunning(handler), FIRST_OF_EIGHT);

    expect(status).toBe("missing");
    expect(handler).not.toHaveBeenCalled();
    expect(await prisma().webhookEvent.findFirstOrThrow({ where: { shop: "shop-a.myshopify.com", id: event.id } })).toMatchObject({ status: "received" });
  });
});
