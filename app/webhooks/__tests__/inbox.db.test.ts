import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import type { WebhookDelivery } from "../delivery";
import { storeWebhookEvents } from "../inbox.server";

const database = useTestDatabase();
const SHOP = "inbox.myshopify.com";

function delivery(webhookId: string, topic = "orders/create"): WebhookDelivery {
  return { shop: SHOP, topic, webhookId, apiVersion: "2026-07", triggeredAt: new Date("2026-11-25T10:00:00Z"), rawBody: `{"id":"${webhookId}"}` };
}

describe("storeWebhookEvents", () => {
  it("GIVEN one batch with new, repeated, already stored and unknown-topic deliveries WHEN stored THEN each gets its own outcome and only new known ones get a job", async () => {
    const prisma = database.get().prisma;
    await storeWebhookEvents(prisma, [delivery("old")]);

    const outcomes = await storeWebhookEvents(prisma, [delivery("a"), delivery("a"), delivery("old"), delivery("u", "carts/update"), delivery("b", "returns/request")]);

    expect(outcomes).toEqual(["stored", "duplicate", "duplicate", "ignored", "stored"]);
    expect(await prisma.webhookEvent.count({ where: { shop: SHOP } })).toBe(4);
    expect(await prisma.job.count({ where: { shop: SHOP } })).toBe(3);
    const event = await prisma.webhookEvent.findFirstOrThrow({ where: { shop: SHOP, webhookId: "a" } });
    expect(event).toMatchObject({ status: "received", triggeredAt: new Date("2026-11-25T10:00:00Z"), payload: '{"id":"a"}', processedAt: null });
    expect(event.receivedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
