import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { PROCESS_WEBHOOK_JOB } from "~/webhooks/process-job-payload";
import { processWebhookEvent } from "~/webhooks/process.server";
import { WEBHOOK_HANDLERS } from "~/webhooks/topics.server";
import { loadCaseSummary } from "../case-store.server";
import { approveReturn, markReturnReceived, processReturn } from "../merchant-actions.server";
import { replayReturnWebhooks } from "../replay-webhooks.server";
import { submitReturnRequest } from "../submit.server";
import { depsFor, fakeShopify, ORDER, refundOneMug, seedDeliveredOrder } from "./returns-scenario";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
let counter = 0;
const ORDER_NUMERIC = ORDER.split("/").pop()!;

async function submitted() {
  const shop = `hooks-${++counter}-${Date.now()}.myshopify.com`;
  await seedDeliveredOrder(prisma(), shop);
  const shopify = fakeShopify();
  const deps = depsFor(prisma(), shopify, new Date("2026-11-25T12:00:00Z"));
  const result = await submitReturnRequest({ ...refundOneMug(`hook-key-${counter}`), shop }, deps);
  if (!result.ok) throw new Error("expected a submitted return");
  const row = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id: result.returnId } } });
  return { shop, deps, shopify, id: result.returnId, shopifyReturnId: row.shopifyReturnId! };
}

function returnPayload(shopifyReturnId: string, status: string, extra: Record<string, unknown> = {}) {
  const numeric = shopifyReturnId.split("/").pop()!;
  return { id: Number(numeric), admin_graphql_api_id: shopifyReturnId, status, order: { id: Number(ORDER_NUMERIC), admin_graphql_api_id: ORDER }, ...extra };
}

let webhookNumber = 0;

/** Stores a delivery as the inbox does and processes it as the worker would. */
async function deliver(shop: string, topic: string, payload: unknown, triggeredAt: string, status = "received") {
  const event = await prisma().webhookEvent.create({
    data: { shop, webhookId: `wh-${++webhookNumber}`, topic, status: status === "stored" ? "received" : status, payload: JSON.stringify(payload), triggeredAt: new Date(triggeredAt) },
  });
  if (status === "received") await processWebhookEvent(prisma(), shop, event.id, WEBHOOK_HANDLERS, { attempt: 1, maxAttempts: 8 });
  return event;
}

const statusOf = async (shop: string, id: string) => (await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id } } })).status;

describe("returns webhooks", () => {
  it.each([
    ["a minute ago (still being recorded)", 1, "retried"],
    ["eleven minutes ago (its process crashed)", 11, "ignored"],
  ])("GIVEN a case claimed %s WHEN a webhook arrives for a return we never recorded THEN it is %s", async (_age, minutes, outcome) => {
    const { shop, id } = await submitted();
    await prisma().returnCase.update({
      where: { shop_id: { shop, id } },
      data: { status: "submitting", updatedAt: new Date(Date.now() - minutes * 60_000) },
    });

    const delivering = deliver(shop, "returns/approve", returnPayload("gid://shopify/Return/987654", "open"), "2026-11-25T13:00:00Z");

    if (outcome === "retried") await expect(delivering).rejects.toThrow(/retry/);
    else await expect(delivering).resolves.toBeTruthy();
  });

  it("GIVEN a requested return WHEN the merchant approves it in Shopify admin THEN the case is open with the step on its timeline", async () => {
    const { shop, id, shopifyReturnId } = await submitted();

    await deliver(shop, "returns/approve", returnPayload(shopifyReturnId, "open"), "2026-11-25T13:00:00Z");

    const summary = await loadCaseSummary(prisma(), shop, id);
    expect(summary.status).toBe("open");
    expect(summary.timeline.map((event) => [event.kind, event.text])).toEqual([
      ["requested", "Return requested"],
      ["approved", "Return approved in Shopify admin"],
    ]);
  });

  it("GIVEN an approve delivered twice THEN the timeline has it once", async () => {
    const { shop, id, shopifyReturnId } = await submitted();
    const event = await deliver(shop, "returns/approve", returnPayload(shopifyReturnId, "open"), "2026-11-25T13:00:00Z");

    await prisma().webhookEvent.updateMany({ where: { shop, id: event.id }, data: { status: "received" } });
    await processWebhookEvent(prisma(), shop, event.id, WEBHOOK_HANDLERS, { attempt: 1, maxAttempts: 8 });

    expect(await prisma().returnEvent.count({ where: { shop, returnId: id, kind: "approved" } })).toBe(1);
  });

  it("GIVEN a decline in Shopify admin THEN the case is declined with Shopify's reason and note", async () => {
    const { shop, id, shopifyReturnId } = await submitted();

    await deliver(shop, "returns/decline", returnPayload(shopifyReturnId, "declined", { decline: { reason: "return_period_ended", note: "Window ended" } }), "2026-11-25T13:00:00Z");

    const row = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id } } });
    expect(row).toMatchObject({ status: "declined", declineReason: "RETURN_PERIOD_ENDED", declineNote: "Window ended" });
  });

  it("GIVEN a received return WHEN a late approve arrives THEN it stays received (monotonic)", async () => {
    const { shop, deps, id, shopifyReturnId } = await submitted();
    await approveReturn(deps, shop, id);
    await markReturnReceived(deps, shop, id);

    await deliver(shop, "returns/approve", returnPayload(shopifyReturnId, "open"), "2026-11-25T12:30:00Z");

    expect(await statusOf(shop, id)).toBe("received");
  });

  it("GIVEN Shopify closes a return as it processes it WHEN the merchant processes it and the returns/close webhook follows THEN the case closes once, after the processing step", async () => {
    const { shop, deps, shopify, id, shopifyReturnId } = await submitted();
    await approveReturn(deps, shop, id);
    // Every item processed: Shopify answers with the return already CLOSED, then sends returns/close stamped with that moment.
    shopify.on("AftercareReturnProcess", () => ({ returnProcess: { return: { id: shopifyReturnId, name: "#1001-R1", status: "CLOSED" }, userErrors: [] } }));

    await processReturn(deps, shop, id);
    await deliver(shop, "returns/close", { id: 1, admin_graphql_api_id: shopifyReturnId, order_id: Number(ORDER_NUMERIC), status: "closed" }, "2026-11-25T12:00:00Z");

    const summary = await loadCaseSummary(prisma(), shop, id);
    expect(summary.status).toBe("closed");
    expect(summary.timeline.map((event) => [event.kind, event.text])).toEqual([
      ["requested", "Return requested"],
      ["approved", "Return approved"],
      ["processed", "Return processed: 15.00 EUR refunded"],
      ["closed", "Return closed by Shopify: every item is processed"],
    ]);
  });

  it("GIVEN a close and a reopen WHEN the older close is replayed afterwards THEN the case stays reopened", async () => {
    const { shop, deps, id, shopifyReturnId } = await submitted();
    await approveReturn(deps, shop, id);
    await deliver(shop, "returns/close", { id: 1, admin_graphql_api_id: shopifyReturnId, order_id: Number(ORDER_NUMERIC), status: "closed" }, "2026-11-26T10:00:00Z");
    expect(await statusOf(shop, id)).toBe("closed");

    await deliver(shop, "returns/reopen", returnPayload(shopifyReturnId, "open"), "2026-11-26T11:00:00Z");
    await deliver(shop, "returns/close", { id: 1, admin_graphql_api_id: shopifyReturnId, order_id: Number(ORDER_NUMERIC), status: "closed" }, "2026-11-26T10:00:00Z");

    expect(await statusOf(shop, id)).toBe("open");
    const row = await prisma().returnCase.findUniqueOrThrow({ where: { shop_id: { shop, id } } });
    expect(row.closedAt).toBeNull();
  });

  it("GIVEN a cancel for another shop's return id THEN this shop's case is untouched", async () => {
    const { shop, id, shopifyReturnId } = await submitted();
    const other = `hooks-other-${Date.now()}.myshopify.com`;

    const event = await deliver(other, "returns/cancel", { id: 1, admin_graphql_api_id: shopifyReturnId, order_id: 1, status: "canceled" }, "2026-11-26T10:00:00Z");

    expect(await statusOf(shop, id)).toBe("requested");
    expect((await prisma().webhookEvent.findFirstOrThrow({ where: { shop: other, id: event.id } })).status).toBe("processed");
  });

  it("GIVEN a return not created by Aftercare THEN the webhook is processed and nothing is created", async () => {
    const { shop } = await submitted();

    await deliver(shop, "returns/request", returnPayload("gid://shopify/Return/424242", "requested"), "2026-11-26T10:00:00Z");

    expect(await prisma().returnCase.count({ where: { shop } })).toBe(1);
  });

  it("GIVEN a refund linked to our return THEN the refund is stored, on the timeline once, and the return is processed", async () => {
    const { shop, deps, id, shopifyReturnId } = await submitted();
    await approveReturn(deps, shop, id);
    const refund = {
      id: 9911,
      admin_graphql_api_id: "gid://shopify/Refund/9911",
      order_id: Number(ORDER_NUMERIC),
      created_at: "2026-11-27T10:00:00+01:00",
      note: null,
      restock: true,
      return: { id: 1, admin_graphql_api_id: shopifyReturnId },
      refund_line_items: [],
      transactions: [{ kind: "refund", status: "success", amount: "15.00", currency: "EUR" }],
    };

    await deliver(shop, "refunds/create", refund, "2026-11-27T09:00:00Z");
    await deliver(shop, "refunds/create", refund, "2026-11-27T09:00:00Z");

    expect(await prisma().refund.count({ where: { shop } })).toBe(1);
    const summary = await loadCaseSummary(prisma(), shop, id);
    expect(summary.status).toBe("processed");
    expect(summary.timeline.filter((event) => event.kind === "refunded").map((event) => event.text)).toEqual(["Refund of 15.00 EUR recorded in Shopify"]);
  });

  it("GIVEN returns webhooks stored as deferred before the feature WHEN replayed THEN they are queued, processed and update the case", async () => {
    const { shop, id, shopifyReturnId } = await submitted();
    const stored = await deliver(shop, "returns/approve", returnPayload(shopifyReturnId, "open"), "2026-11-25T13:00:00Z", "deferred");

    expect(await replayReturnWebhooks(prisma(), shop)).toBe(1);
    const job = await prisma().job.findFirstOrThrow({ where: { shop, name: PROCESS_WEBHOOK_JOB } });
    expect(JSON.parse(job.payload)).toEqual({ webhookEventId: stored.id });
    await processWebhookEvent(prisma(), shop, stored.id, WEBHOOK_HANDLERS, { attempt: 1, maxAttempts: 8 });

    expect(await statusOf(shop, id)).toBe("open");
    expect(await replayReturnWebhooks(prisma(), shop)).toBe(0);
  });

  it("GIVEN a malformed returns payload THEN the event fails permanently without touching cases", async () => {
    const { shop, id } = await submitted();

    const event = await deliver(shop, "returns/approve", { id: 1, admin_graphql_api_id: "not-a-gid" }, "2026-11-25T13:00:00Z", "stored");
    await expect(processWebhookEvent(prisma(), shop, event.id, WEBHOOK_HANDLERS, { attempt: 1, maxAttempts: 8 })).rejects.toThrow("must be a gid://shopify/Return/");

    expect(await prisma().webhookEvent.findFirstOrThrow({ where: { shop, id: event.id } })).toMatchObject({ status: "failed" });
    expect(await statusOf(shop, id)).toBe("requested");
  });
});
