import { Session } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELIVERY_BACKFILL_JOB } from "~/delivery-estimates/live/backfill-job.server";
import { logger } from "~/logger.server";
import { useTestDatabase } from "~/test/database";
import { canonicalDump } from "~/tracking/__tests__/canonical-dump";
import { applyFulfillmentWebhook } from "~/tracking/fulfillments.server";
import type { WebhookHandler } from "~/webhooks/handler";
import { parseShopifyJson, type ShopifyJson } from "~/webhooks/payload";
import { WEBHOOK_HANDLERS } from "~/webhooks/topics.server";
import { startStandIn, type StandIn } from "../../../sim/index";
import type { reconcileOrdersJob as ReconcileJob } from "../reconcile-job.server";
import { WebhookRecorder, type RecordedWebhook } from "./webhook-recorder";

const database = useTestDatabase();
const SHOP = "reconcile-outfitters.myshopify.com";
const REFERENCE = "reference.myshopify.com";

// The reference state is what the app's own webhook dispatch produces, so the comparison is with production.
const handlers: Partial<Record<string, WebhookHandler>> = WEBHOOK_HANDLERS;

async function deliver(shop: string, webhooks: readonly RecordedWebhook[]): Promise<void> {
  for (const webhook of webhooks) {
    const event = { id: `recorded:${webhook.topic}`, topic: webhook.topic, triggeredAt: null, receivedAt: new Date() };
    await handlers[webhook.topic]?.(database.get().prisma, shop, parseShopifyJson(webhook.body), event);
  }
}

const mentions = (webhook: RecordedWebhook, id: string) => webhook.body.includes(id);

let recorder: WebhookRecorder;
let standIn: StandIn;
let reconcileJob: typeof ReconcileJob;
let everything: RecordedWebhook[] = [];
let droppedOrderId = "";
let partlySyncedOrderId = "";

async function runReconcile(payload: { lookbackHours?: number; backfill?: boolean } = {}): Promise<void> {
  const controller = new AbortController();
  await reconcileJob.handle(
    { db: database.get().prisma, shop: SHOP, job: { id: "job-1", name: reconcileJob.name, attempt: 1, maxAttempts: 8 }, logger, signal: controller.signal },
    reconcileJob.payload.parse(payload),
  );
}

beforeAll(async () => {
  recorder = await new WebhookRecorder().start();
  standIn = await startStandIn({
    apiKey: process.env.SHOPIFY_API_KEY!,
    apiSecret: process.env.SHOPIFY_API_SECRET!,
    appUrl: recorder.url,
    shops: [SHOP],
    webhookRetry: { delaysMs: [] },
  });
  // The app reaches Shopify through the stand-in, as in the demo: configured before the app's Shopify module loads.
  process.env.SHOPIFY_STANDIN_URL = standIn.url;
  const shopify = await import("~/shopify.server");
  reconcileJob = (await import("../reconcile-job.server")).reconcileOrdersJob;

  const tokenResponse = await fetch(`${standIn.url}/_sim/shops/${SHOP}/access-tokens`, { method: "POST" });
  const { accessToken } = (await tokenResponse.json()) as { accessToken: string };
  await shopify.sessionStorage.storeSession(
    new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken, scope: "read_orders,read_fulfillments,read_customers" }),
  );
  await database.get().prisma.shop.create({ data: { shop: SHOP } });

  const store = standIn.store;
  const product = store.createProduct(SHOP, {
    title: "Trail Mug ☕",
    vendor: "Outfitters",
    productType: "Gear",
    variants: [
      { title: "Blue", sku: "MUG-BLUE", priceCents: 1800, grams: 300 },
      { title: "Red", sku: "MUG-RED", priceCents: 1950, grams: 300 },
    ],
  });
  const customer = store.createCustomer(SHOP, {
    firstName: "Zoë",
    lastName: "Müller",
    email: "zoe@example.de",
    locale: "de",
    address: { company: null, address1: "Marienplatz 8", address2: null, city: "München", province: "Bavaria", provinceCode: "BY", country: "Germany", countryCode: "DE", zip: "80331", phone: null, latitude: null, longitude: null },
  });
  const [blue, red] = product.variants;
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

  // A split shipment: two fulfillments, the first with two parcels, events on both.
  const split = store.createOrder(SHOP, { customerId: customer.id, lineItems: [{ variantId: blue!.id, quantity: 1 }, { variantId: red!.id, quantity: 2 }] });
  const first = store.fulfillOrder(SHOP, split.id, {
    lineItems: [{ lineItemId: split.lineItems[0]!.id, quantity: 1 }],
    tracking: [{ number: "1Z999AA10123456784", company: "UPS" }, { number: "1Z999AA10123456795", company: "UPS" }],
  });
  const second = store.fulfillOrder(SHOP, split.id, { tracking: [{ number: "00340434161094042557", company: "DHL Express" }] });
  store.addFulfillmentEvent(SHOP, first.id, { status: "in_transit", happenedAt: hoursAgo(2), city: "Louisville" });
  store.addFulfillmentEvent(SHOP, second.id, { status: "in_transit", happenedAt: hoursAgo(2) });
  store.addFulfillmentEvent(SHOP, first.id, { status: "delivered", happenedAt: hoursAgo(1), message: "Left at front door" });
  partlySyncedOrderId = `gid://shopify/Order/${split.id}`;

  // An order whose every webhook is lost.
  const dropped = store.createOrder(SHOP, { customerId: customer.id, lineItems: [{ variantId: red!.id, quantity: 1 }] });
  const droppedFulfillment = store.fulfillOrder(SHOP, dropped.id, { tracking: [{ number: "9400111899223197428490", company: "USPS" }] });
  store.addFulfillmentEvent(SHOP, droppedFulfillment.id, { status: "out_for_delivery", happenedAt: hoursAgo(1) });
  droppedOrderId = `gid://shopify/Order/${dropped.id}`;

  await standIn.webhooks.idle();
  everything = recorder.take();
  await deliver(REFERENCE, everything);
});

afterAll(async () => {
  await standIn?.close();
  await recorder?.stop();
  delete process.env.SHOPIFY_STANDIN_URL;
});

describe("orders.reconcile against the Shopify stand-in", () => {
  it("GIVEN webhooks were dropped (a whole order, and the last event of another) WHEN the job runs THEN our rows match what full delivery gives", async () => {
    const prisma = database.get().prisma;
    const droppedNumber = droppedOrderId.split("/").pop()!;
    const lastDelivered = everything.findLast((webhook) => webhook.topic === "fulfillment_events/create" && webhook.body.includes('"delivered"'));
    const received = everything.filter((webhook) => webhook !== lastDelivered && !mentions(webhook, droppedNumber));
    await deliver(SHOP, received);
    expect(await prisma.order.count({ where: { shop: SHOP, id: droppedOrderId } })).toBe(0);

    await runReconcile();

    const [ours, reference] = [await canonicalDump(prisma, SHOP), await canonicalDump(prisma, REFERENCE)];
    expect(ours.shipments.map((shipment) => [shipment.trackingNumber, shipment.status])).toEqual(
      expect.arrayContaining([
        ["1Z999AA10123456784", "delivered"],
        ["1Z999AA10123456795", "delivered"],
        ["00340434161094042557", "in_transit"],
        ["9400111899223197428490", "out_for_delivery"],
      ]),
    );
    // Every order's shipping line, the dropped order's read from the Admin API, equals what its webhook stores.
    expect(ours.shippingLines.map((line) => line.orderId).sort()).toEqual(ours.orders.map((order) => order.id).sort());
    // REST payloads carry no customer locale and GraphQL reads no fulfillment location (another scope):
    // each path keeps what the other knows.
    expect({
      ...ours,
      customers: ours.customers.map((customer) => ({ ...customer, locale: null })),
      fulfillments: ours.fulfillments.map((fulfillment) => ({ ...fulfillment, locationId: null })),
    }).toEqual({
      ...reference,
      fulfillments: reference.fulfillments.map((fulfillment) => ({ ...fulfillment, locationId: null })),
    });
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } })).lastReconciledAt).not.toBeNull();
  });

  it("GIVEN everything is in sync WHEN the job runs again THEN nothing changes", async () => {
    const prisma = database.get().prisma;
    const before = await canonicalDump(prisma, SHOP);

    await runReconcile({ lookbackHours: 24 });

    expect(await canonicalDump(prisma, SHOP)).toEqual(before);
  });

  it("GIVEN the install's first sync WHEN it finishes THEN the delivery-estimates backfill is queued once; a routine run queues none", async () => {
    const prisma = database.get().prisma;
    const backfills = () => prisma.job.count({ where: { shop: SHOP, name: DELIVERY_BACKFILL_JOB, status: "queued" } });

    await runReconcile({ lookbackHours: 24 });
    expect(await backfills()).toBe(0);

    await runReconcile({ lookbackHours: 24, backfill: true });
    await runReconcile({ lookbackHours: 24, backfill: true });
    expect(await backfills()).toBe(1);
  });

  // Shopify's rate limit applies (the stand-in's too): this run may wait for points to restore.
  it("GIVEN we hold newer state than the Admin API returns WHEN the job reads the stale version THEN our newer state stays", { timeout: 60_000 }, async () => {
    const prisma = database.get().prisma;
    const fulfillmentWebhook = everything.find((webhook) => webhook.topic === "fulfillments/create" && mentions(webhook, partlySyncedOrderId.split("/").pop()!))!;
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const newer: Record<string, ShopifyJson> = { ...(parseShopifyJson(fulfillmentWebhook.body) as Record<string, ShopifyJson>), status: "cancelled", updated_at: future };
    await applyFulfillmentWebhook(prisma, SHOP, newer);
    // Make the order itself look behind, so the job reads it (and its stale fulfillment) from the API.
    await prisma.order.updateMany({ where: { shop: SHOP, id: partlySyncedOrderId }, data: { shopifyUpdatedAt: new Date(0) } });

    await runReconcile();

    const fulfillmentId = newer.admin_graphql_api_id as string;
    expect(await prisma.fulfillment.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: fulfillmentId } } })).toMatchObject({
      status: "cancelled",
      shopifyUpdatedAt: new Date(future),
    });
    expect((await prisma.shipment.findMany({ where: { shop: SHOP, fulfillmentId } })).map((shipment) => shipment.status)).toEqual(
      expect.arrayContaining(["cancelled"]),
    );
    expect((await prisma.order.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: partlySyncedOrderId } } })).shopifyUpdatedAt.getTime()).toBeGreaterThan(0);
  });

  it("GIVEN an uninstalled shop WHEN the job runs THEN it asks Shopify nothing", async () => {
    const prisma = database.get().prisma;
    await prisma.shop.update({ where: { shop: SHOP }, data: { uninstalledAt: new Date(), lastReconciledAt: null } });

    await runReconcile();

    expect((await prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } })).lastReconciledAt).toBeNull();
    await prisma.shop.update({ where: { shop: SHOP }, data: { uninstalledAt: null } });
  });
});
