import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "~/errors";
import { drainJobs } from "~/jobs/worker.server";
import { smtpSender } from "~/notifications/email/transport.server";
import { saveNotificationPreferences } from "~/notifications/preferences.server";
import { DEFAULT_NOTIFICATION_PREFERENCES } from "~/notifications/preferences";
import { freshShop, seedOrder } from "~/notifications/__tests__/fixtures";
import { startSmtpSink, type SmtpSink } from "~/notifications/__tests__/smtp-sink";
import { useTestDatabase } from "~/test/database";
import { createExceptionActionJob } from "../actions/job.server";
import type { ActionMode, ExceptionActionName } from "../actions/kinds";
import { requestAction } from "../actions/record.server";
import { listOpenExceptions } from "../list.server";
import { scanShopExceptions } from "../scan.server";
import { fakeAdmin, shopifyAnswers, type FakeAdmin } from "./admin-fake";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const DAY = 86_400_000;
let sink: SmtpSink;
let admin: FakeAdmin;
let email: { sender: ReturnType<typeof smtpSender>; fromAddress: string };
const actionJob = createExceptionActionJob(() => ({ admin: async () => admin, email }));

beforeAll(async () => {
  sink = await startSmtpSink();
  email = { sender: smtpSender(sink.url, { timeoutMs: 5_000 }), fromAddress: "alerts@aftercare.test" };
});
afterAll(async () => {
  email.sender.close();
  await sink.close();
});
beforeEach(async () => {
  sink.received.length = 0;
  admin = fakeAdmin(shopifyAnswers);
  await prisma().job.deleteMany({});
});

/** A shop whose stalled kind runs `modes`, with one parcel (two tea, one teapot) quiet for six days. */
async function stalledParcel(modes: Partial<Record<ExceptionActionName, ActionMode>>, supportEmail: string | null = "support@tea.example") {
  const quietSince = new Date(Date.now() - 6 * DAY);
  const fixture = await seedOrder(prisma(), freshShop(), { processedAt: quietSince });
  const { shop, orderId, fulfillmentId } = fixture;
  const shipmentId = fixture.shipmentIds[0]!;
  await prisma().shipment.updateMany({ where: { shop, id: shipmentId }, data: { status: "in_transit", statusAt: quietSince, lastEventAt: quietSince, shippedAt: quietSince, estimatedDeliveryAt: null } });
  await prisma().lineItem.updateMany({ where: { shop, id: `${orderId}-li-1` }, data: { variantId: "gid://shopify/ProductVariant/11", price: "12.50" } });
  await prisma().fulfillmentLineItem.createMany({
    data: [
      { shop, fulfillmentId, lineItemId: `${orderId}-li-1`, quantity: 2 },
      { shop, fulfillmentId, lineItemId: `${orderId}-li-2`, quantity: 1 },
    ],
  });
  await prisma().order.updateMany({ where: { shop, id: orderId }, data: { currencyCode: "EUR" } });
  const preferences = structuredClone(DEFAULT_NOTIFICATION_PREFERENCES);
  preferences.triggers.shipment_exception.email = false;
  preferences.exceptions.actions.stalled = { ...preferences.exceptions.actions.stalled, ...modes };
  preferences.exceptions.supportEmail = supportEmail;
  await saveNotificationPreferences(prisma(), shop, preferences);
  return { shop, orderId, shipmentId };
}

const drain = (now = new Date()) => drainJobs(database.get(), [actionJob], { now });
const actionsOf = (shop: string) => prisma().exceptionAction.findMany({ where: { shop }, orderBy: { action: "asc" } });

describe("automatic actions on a new flag", () => {
  it("GIVEN all three actions automatic for stalled parcels WHEN a parcel stalls THEN the order is tagged, a free reship draft is created and support is emailed, once each", async () => {
    const { shop, orderId } = await stalledParcel({ tag_order: "auto", reship_draft: "auto", notify_support: "auto" });

    const outcome = await scanShopExceptions(prisma(), shop);
    await drain();

    expect(outcome.actions).toBe(3);
    expect(admin.calls.map((call) => call.operation).sort()).toEqual(["ExceptionReshipDraft", "ExceptionTagOrder"]);
    expect(admin.calls.find((call) => call.operation === "ExceptionTagOrder")!.variables).toEqual({ id: orderId, tags: ["aftercare-stalled"] });
    const input = admin.calls.find((call) => call.operation === "ExceptionReshipDraft")!.variables.input as Record<string, unknown>;
    const free = { valueType: "PERCENTAGE", value: 100, title: "Reship", description: "Reship of #1042" };
    expect(input.lineItems).toEqual([
      { variantId: "gid://shopify/ProductVariant/11", quantity: 2, appliedDiscount: free },
      { title: "Teapot", quantity: 1, originalUnitPriceWithCurrency: { amount: "0.00", currencyCode: "EUR" }, appliedDiscount: free },
    ]);
    expect(input.note).toMatch(/^Reship of order #1042, parcel JD0146000033\w+ \(Aftercare stalled exception [\w-]+\)\.$/);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.to).toMatchObject({ text: "support@tea.example" });
    expect(sink.received[0]!.subject).toBe("[Tea & Co] Stalled: order #1042");
    expect(sink.received[0]!.text).toContain("Parcel: JD0146000033");
    expect(sink.received[0]!.text).toContain(`https://${shop}/admin/apps/${process.env.SHOPIFY_API_KEY}/app/exceptions`);
    expect((await actionsOf(shop)).map((row) => [row.action, row.status, row.error])).toEqual([
      ["notify_support", "succeeded", null],
      ["reship_draft", "succeeded", null],
      ["tag_order", "succeeded", null],
    ]);
    const [listed] = await listOpenExceptions(prisma(), shop);
    expect(listed!.actions.find((action) => action.action === "reship_draft")).toMatchObject({ status: "succeeded", result: "gid://shopify/DraftOrder/501 (#D1)" });
  });

  it("GIVEN a flag whose actions ran WHEN the scan runs again and the action jobs are replayed THEN nothing runs twice", async () => {
    const { shop } = await stalledParcel({ tag_order: "auto", reship_draft: "auto", notify_support: "auto" });
    await scanShopExceptions(prisma(), shop);
    await drain();
    const ids = (await actionsOf(shop)).map((row) => row.id);

    await scanShopExceptions(prisma(), shop);
    for (const actionId of ids) await prisma().job.create({ data: { shop, name: "exceptions.action", payload: JSON.stringify({ actionId }) } });
    await drain();

    expect(admin.calls).toHaveLength(2);
    expect(sink.received).toHaveLength(1);
  });

  it("GIVEN actions switched off WHEN a parcel stalls THEN none is recorded", async () => {
    const { shop } = await stalledParcel({});

    expect((await scanShopExceptions(prisma(), shop)).actions).toBe(0);
    expect(await actionsOf(shop)).toEqual([]);
  });
});

describe("Shopify's answers", () => {
  it("GIVEN Shopify answers the reship with userErrors WHEN the action runs THEN it fails with them, visible in the list, and is not retried", async () => {
    const { shop } = await stalledParcel({ reship_draft: "auto" });
    admin.queue.push({ data: { draftOrderCreate: { draftOrder: null, userErrors: [{ field: ["lineItems", "0", "variantId"], message: "Product variant is no longer available" }] } } });

    await scanShopExceptions(prisma(), shop);
    await drain();
    await drain(new Date(Date.now() + DAY));

    expect(admin.calls).toHaveLength(1);
    const [listed] = await listOpenExceptions(prisma(), shop);
    expect(listed!.actions).toEqual([
      expect.objectContaining({ action: "reship_draft", status: "failed", error: "Shopify: lineItems.0.variantId: Product variant is no longer available" }),
    ]);
  });

  it.each([
    ["a 503", { status: 503 }],
    ["throttling", { throttled: true as const }],
  ])("GIVEN %s on the first try WHEN the job retries THEN the tag is added on the second attempt", async (_case, failure) => {
    const { shop } = await stalledParcel({ tag_order: "auto" });
    admin.queue.push(failure);
    await scanShopExceptions(prisma(), shop);

    const first = await drain();
    const [afterFirst] = await actionsOf(shop);
    const second = await drain(new Date(Date.now() + DAY));

    expect(first.retry).toBe(1);
    expect(afterFirst).toMatchObject({ status: "pending", error: expect.stringMatching(/503|throttled/) });
    expect(second.succeeded).toBe(1);
    expect(admin.calls).toHaveLength(2);
    expect((await actionsOf(shop))[0]).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("GIVEN a 403 (a missing scope) WHEN the action runs THEN it fails at once with the status and is not retried", async () => {
    const { shop } = await stalledParcel({ tag_order: "auto" });
    admin.queue.push({ status: 403 });

    await scanShopExceptions(prisma(), shop);
    const summary = await drain();

    expect(summary).toMatchObject({ succeeded: 1, retry: 0 });
    expect((await actionsOf(shop))[0]).toMatchObject({ status: "failed", error: expect.stringContaining("HTTP 403") });
  });

  it("GIVEN an order-level flag WHEN reship is requested THEN it is not offered", async () => {
    const { shop } = await stalledParcel({ reship_draft: "manual" });
    await scanShopExceptions(prisma(), shop);
    const flag = await prisma().shipmentException.findFirstOrThrow({ where: { shop } });
    await prisma().shipmentException.updateMany({ where: { shop, id: flag.id }, data: { shipmentId: null } });
    const { exceptions } = await import("~/notifications/preferences.server").then((module) => module.getNotificationPreferences(prisma(), shop));

    await expect(prisma().$transaction((tx) => requestAction(tx, shop, flag.id, "reship_draft", exceptions.actions))).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("at most once under crashes", () => {
  it.each([
    ["reship_draft", "failed", 0],
    ["tag_order", "succeeded", 1],
  ] as const)("GIVEN a %s action left running by a worker that died WHEN its job runs again THEN it ends %s after %i call(s)", async (action, status, calls) => {
    const { shop } = await stalledParcel({ [action]: "auto" });
    await scanShopExceptions(prisma(), shop);
    await prisma().exceptionAction.updateMany({ where: { shop }, data: { status: "running", claimedAt: new Date(Date.now() - 10 * 60_000), attempts: 1 } });

    await drain();

    expect(admin.calls).toHaveLength(calls);
    expect((await actionsOf(shop))[0]).toMatchObject({ status, ...(status === "failed" ? { error: expect.stringMatching(/^outcome_unknown/) } : {}) });
  });

  it("GIVEN an automatic action whose flag was resolved before it ran WHEN the job runs THEN it is cancelled without calling Shopify", async () => {
    const { shop } = await stalledParcel({ tag_order: "auto" });
    await scanShopExceptions(prisma(), shop);
    await prisma().shipmentException.updateMany({ where: { shop }, data: { resolvedAt: new Date(), openKey: null } });

    await drain();

    expect(admin.calls).toEqual([]);
    expect((await actionsOf(shop))[0]).toMatchObject({ status: "cancelled" });
  });
});

describe("run now", () => {
  it("GIVEN tagging set to run by hand WHEN the merchant runs it now, then clicks again THEN it runs once and the second click is refused", async () => {
    const { shop } = await stalledParcel({ tag_order: "manual" });
    await scanShopExceptions(prisma(), shop);
    const flag = await prisma().shipmentException.findFirstOrThrow({ where: { shop } });
    const { getNotificationPreferences } = await import("~/notifications/preferences.server");
    const { exceptions } = await getNotificationPreferences(prisma(), shop);
    expect(await actionsOf(shop)).toEqual([]);

    await prisma().$transaction((tx) => requestAction(tx, shop, flag.id, "tag_order", exceptions.actions));
    await drain();

    await expect(prisma().$transaction((tx) => requestAction(tx, shop, flag.id, "tag_order", exceptions.actions))).rejects.toBeInstanceOf(ConflictError);
    expect(admin.calls).toHaveLength(1);
    expect((await actionsOf(shop))[0]).toMatchObject({ requestedBy: "manual", status: "succeeded" });
  });

  it("GIVEN a support email that failed for lack of an address WHEN the merchant runs it again after setting one THEN it is sent", async () => {
    const { shop } = await stalledParcel({ notify_support: "auto" });
    await scanShopExceptions(prisma(), shop);
    await drain(new Date());
    // Email not configured on the first run.
    const unconfigured = createExceptionActionJob(() => ({ admin: async () => admin, email: null }));
    await prisma().exceptionAction.updateMany({ where: { shop }, data: { status: "pending", completedAt: null } });
    sink.received.length = 0;
    await prisma().job.create({ data: { shop, name: "exceptions.action", payload: JSON.stringify({ actionId: (await actionsOf(shop))[0]!.id }) } });
    await drainJobs(database.get(), [unconfigured]);
    expect((await actionsOf(shop))[0]).toMatchObject({ status: "failed", error: "email is not configured (SMTP_URL and MAIL_FROM)" });
    const flag = await prisma().shipmentException.findFirstOrThrow({ where: { shop } });
    const { getNotificationPreferences } = await import("~/notifications/preferences.server");
    const { exceptions } = await getNotificationPreferences(prisma(), shop);

    await prisma().$transaction((tx) => requestAction(tx, shop, flag.id, "notify_support", exceptions.actions));
    await drain();

    expect(sink.received).toHaveLength(1);
    expect((await actionsOf(shop))[0]).toMatchObject({ status: "succeeded", requestedBy: "manual" });
  });
});
