import { Session } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainJobs } from "~/jobs/worker.server";
import { DEFAULT_NOTIFICATION_PREFERENCES } from "~/notifications/preferences";
import { saveNotificationPreferences } from "~/notifications/preferences.server";
import { useTestDatabase } from "~/test/database";
import { startStandIn, type StandIn } from "../../../sim/index";
import type { createExceptionActionJob } from "../actions/job.server";
import { scanShopExceptions } from "../scan.server";

// The actions against the local Shopify stand-in (sim/): the same documents, scopes and userErrors as Shopify.
const database = useTestDatabase();
const prisma = () => database.get().prisma;
const SHOP = "actions-outfitters.myshopify.com";
const DAY = 86_400_000;
let standIn: StandIn;
let job: ReturnType<typeof createExceptionActionJob>;
let orderNumericId: Parameters<StandIn["store"]["updateOrder"]>[1];

beforeAll(async () => {
  standIn = await startStandIn({
    apiKey: process.env.SHOPIFY_API_KEY!,
    apiSecret: process.env.SHOPIFY_API_SECRET!,
    appUrl: "http://127.0.0.1:9",
    shops: [SHOP],
    scopes: ["read_orders", "write_orders", "write_draft_orders"],
    webhookRetry: { delaysMs: [] },
  });
  standIn.webhooks.setMode({ drop: true });
  process.env.SHOPIFY_STANDIN_URL = standIn.url;
  // Before the app's Shopify module loads (job.server imports it): the app reaches Shopify through the stand-in.
  const shopify = await import("~/shopify.server");
  const { createExceptionActionJob } = await import("../actions/job.server");
  const { accessToken, scope } = (await (await fetch(`${standIn.url}/_sim/shops/${SHOP}/access-tokens`, { method: "POST" })).json()) as { accessToken: string; scope: string };
  await shopify.sessionStorage.storeSession(new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken, scope }));
  job = createExceptionActionJob(() => ({ admin: async (shop) => (await shopify.unauthenticated.admin(shop)).admin, email: null }));

  // The order in the stand-in, and as the app holds it: a parcel quiet for six days.
  const store = standIn.store;
  const product = store.createProduct(SHOP, { title: "Trail Thermos", vendor: "Outfitters", productType: "Bottles", variants: [{ title: "750 ml", sku: "T-750", priceCents: 3400, grams: 420 }] });
  const created = store.createOrder(SHOP, { email: "sam@example.com", lineItems: [{ variantId: product.variants[0]!.id, quantity: 2 }], payment: "paid" });
  orderNumericId = created.id;
  const quietSince = new Date(Date.now() - 6 * DAY);
  const orderId = `gid://shopify/Order/${created.id}`;
  const fulfillmentId = "gid://shopify/Fulfillment/1";
  const lineItemId = `gid://shopify/LineItem/${created.lineItems[0]!.id}`;
  await prisma().shop.create({ data: { shop: SHOP, name: "Outfitters" } });
  await prisma().order.create({ data: { shop: SHOP, id: orderId, name: created.name, email: "sam@example.com", currencyCode: "USD", processedAt: quietSince, shopifyUpdatedAt: quietSince } });
  await prisma().lineItem.create({ data: { shop: SHOP, id: lineItemId, orderId, variantId: `gid://shopify/ProductVariant/${product.variants[0]!.id}`, title: "Trail Thermos", quantity: 2, price: "34.00" } });
  await prisma().fulfillment.create({ data: { shop: SHOP, id: fulfillmentId, orderId, status: "success", shopifyCreatedAt: quietSince, shopifyUpdatedAt: quietSince } });
  await prisma().fulfillmentLineItem.create({ data: { shop: SHOP, fulfillmentId, lineItemId, quantity: 2 } });
  await prisma().shipment.create({ data: { shop: SHOP, orderId, fulfillmentId, trackingNumber: "1Z999AA10123456784", status: "in_transit", statusAt: quietSince, lastEventAt: quietSince, shippedAt: quietSince } });
  const preferences = structuredClone(DEFAULT_NOTIFICATION_PREFERENCES);
  preferences.triggers.shipment_exception.email = false;
  preferences.exceptions.actions.stalled = { ...preferences.exceptions.actions.stalled, tag_order: "auto", reship_draft: "auto" };
  await saveNotificationPreferences(prisma(), SHOP, preferences);
}, 60_000);

afterAll(async () => {
  await standIn?.close();
});

describe("exception actions against the Shopify stand-in", () => {
  it("GIVEN a stalled parcel with tagging and reshipping automatic WHEN the scan flags it and the jobs run THEN the order carries the tag and a free reship draft exists", async () => {
    await scanShopExceptions(prisma(), SHOP);
    await drainJobs(database.get(), [job]);

    const shopState = standIn.store.state(SHOP);
    const order = shopState.order(orderNumericId);
    const drafts = [...shopState.draftOrders.values()];
    expect(order.tags, JSON.stringify(await prisma().exceptionAction.findMany({ where: { shop: SHOP } }))).toContain("aftercare-stalled");
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.tags).toContain("aftercare-reship");
    expect(drafts[0]!.lineItems).toEqual([expect.objectContaining({ quantity: 2, appliedDiscount: expect.objectContaining({ value: 100 }) })]);
    expect(await prisma().exceptionAction.findMany({ where: { shop: SHOP }, orderBy: { action: "asc" } })).toEqual([
      expect.objectContaining({ action: "reship_draft", status: "succeeded", result: expect.stringMatching(/^gid:\/\/shopify\/DraftOrder\/\d+ \(#D1\)$/) }),
      expect.objectContaining({ action: "tag_order", status: "succeeded", result: "aftercare-stalled" }),
    ]);
  });

  it("GIVEN a reship whose variant Shopify no longer has WHEN it runs THEN Shopify's userErrors are recorded and no draft is created", async () => {
    await prisma().lineItem.updateMany({ where: { shop: SHOP }, data: { variantId: "gid://shopify/ProductVariant/404404" } });
    const flag = await prisma().shipmentException.findFirstOrThrow({ where: { shop: SHOP } });
    await prisma().exceptionAction.updateMany({ where: { shop: SHOP, action: "reship_draft" }, data: { status: "failed" } });
    const { requestAction } = await import("../actions/record.server");
    const { getNotificationPreferences } = await import("~/notifications/preferences.server");
    const { exceptions } = await getNotificationPreferences(prisma(), SHOP);

    await prisma().$transaction((tx) => requestAction(tx, SHOP, flag.id, "reship_draft", exceptions.actions));
    await drainJobs(database.get(), [job]);

    expect(standIn.store.state(SHOP).draftOrders.size).toBe(1);
    expect(await prisma().exceptionAction.findFirst({ where: { shop: SHOP, action: "reship_draft" } })).toMatchObject({ status: "failed", error: expect.stringMatching(/^Shopify: /) });
  });
});
