import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { DeliveryState } from "../../../sim/webhooks/deliverer.ts";
import { useTestDatabase } from "~/test/database";
import { StackNotSettledError, waitUntilSettled, type DeliveryRecord, type SettleProgress } from "../settle";

const SHOP = "demo-outfitters.myshopify.com";
const database = useTestDatabase();

/** The part of the stand-in waitUntilSettled reads: its record of deliveries, here with fixed states. */
function standInWith(states: DeliveryState[]): DeliveryRecord {
  const deliveries = states.map((state) => ({ shop: SHOP, state }));
  return { webhooks: { deliveries: (filter) => deliveries.filter((d) => d.shop === filter.shop) } };
}

beforeEach(async () => {
  await database.get().prisma.webhookEvent.deleteMany({});
});

describe("waitUntilSettled", () => {
  it("GIVEN every webhook delivered, failed or dropped and nothing left in the app WHEN waiting THEN it resolves with the totals", async () => {
    const progress = await waitUntilSettled({ standIn: standInWith(["delivered", "delivered", "failed", "dropped"]), client: database.get().prisma, shop: SHOP, timeoutMs: 1_000 });

    expect(progress).toMatchObject({ webhooksSent: 4, webhooksTotal: 4, unprocessedWebhooks: 0, pendingJobs: 0 });
  });

  it.each<[string, DeliveryState[], number]>([
    ["a webhook waiting for Shopify's retry", ["delivered", "retry_scheduled"], 0],
    ["a webhook in flight", ["in_flight"], 0],
    ["a delivered webhook the app has not processed", ["delivered"], 1],
  ])("GIVEN %s WHEN the time runs out THEN it throws StackNotSettledError saying where it stood", async (_case, states, unprocessed) => {
    for (let i = 0; i < unprocessed; i++) {
      await database.get().prisma.webhookEvent.create({ data: { shop: SHOP, webhookId: randomUUID(), topic: "orders/create", payload: "{}" } });
    }
    const seen: SettleProgress[] = [];

    const waiting = waitUntilSettled({ standIn: standInWith(states), client: database.get().prisma, shop: SHOP, timeoutMs: 100, intervalMs: 20, onProgress: (p) => seen.push(p) });

    const error = await waiting.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StackNotSettledError);
    expect((error as StackNotSettledError).progress).toMatchObject({ webhooksTotal: states.length, unprocessedWebhooks: unprocessed });
    expect(seen.length).toBeGreaterThan(1);
  });
});
