import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "~/db.server";
import { migrate } from "~/db/migrate.server";
import { purchaseKeyOf } from "~/offers/purchase-key";
import { surfacePaths } from "../sim/extension-host/host-pages";
import { toGid } from "../sim/store/ids";
import type { OrderRecord } from "../sim/store/types";
import { seedDemoOffers } from "../scripts/lib/demo-offers";
import { installApp, MERCHANT_BROWSER_USER_AGENT } from "../scripts/lib/install";
import { REPO_ROOT } from "../scripts/lib/repo-root";
import { waitUntilSettled } from "../scripts/lib/settle";
import { startStack, type Stack } from "../scripts/lib/stack";

// The demo's checkout surfaces: the stand-in draws a thank-you page and an order-status page with the real
// extension bundles on them, and the extensions call the real app, which counts what the shopper saw.

const CHROMIUM = "/usr/bin/chromium";
const SHOP = "e2e-checkout-offers.myshopify.com";
const SCREENSHOTS = join(REPO_ROOT, "test-results");

let databaseFile: string;
let database: Database;
let stack: Stack;
let browser: Browser;
let page: Page;
let order: OrderRecord;
let bootsOrder: OrderRecord;
const pageProblems: string[] = [];

/**
 * A new $50+ order by a seeded customer of one product of `productType`. The demo's socks offer targets orders
 * of $50 and more; its accessory offer, orders with a product in the Footwear collection.
 */
function placeOrderOf(productType: string): OrderRecord {
  const state = stack.standIn.store.state(SHOP);
  const customer = [...state.customers.values()].find((candidate) => candidate.email);
  const variant = [...state.variants.values()].find((candidate) => candidate.price >= 5_000 && state.products.get(candidate.productId)?.productType === productType);
  if (!customer || !variant) throw new Error(`the seeded store has no customer or no ${productType}`);
  return stack.standIn.store.createOrder(SHOP, { customerId: customer.id, lineItems: [{ variantId: variant.id, quantity: 1 }] });
}

async function countedEvents(surface: string, kind: string, of: OrderRecord = order) {
  return database.prisma.offerEvent.findMany({ where: { shop: SHOP, surface, kind, orderKey: toGid("Order", of.id) } });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  databaseFile = join(tmpdir(), `aftercare-e2e-co-${randomBytes(5).toString("hex")}.db`);
  const databaseUrl = `file:${databaseFile}`;
  await migrate(databaseUrl, REPO_ROOT);
  database = createDatabase(databaseUrl);
  stack = await startStack({ databaseUrl, shop: SHOP, appLogLevel: "warn" });
  await installApp(stack);
  await stack.standIn.seed({ shop: SHOP, orders: 12, days: 10 });
  await seedDemoOffers(database.prisma, SHOP, stack.controlApiUrl);
  order = placeOrderOf("Jackets");
  bootsOrder = placeOrderOf("Footwear");
  await waitUntilSettled({ standIn: stack.standIn, client: database.prisma, shop: SHOP, timeoutMs: 90_000 });

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 900, height: 1400 }, locale: "en-US", userAgent: MERCHANT_BROWSER_USER_AGENT, permissions: ["clipboard-read", "clipboard-write"] });
  page.on("pageerror", (error) => pageProblems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => pageProblems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`));
  page.on("console", (message) => {
    if (message.type() === "error") pageProblems.push(`console error: ${message.text()}`);
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await database?.close();
  if (databaseFile) for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) rmSync(file, { force: true });
});

async function screenshot(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
}

describe.skipIf(!existsSync(CHROMIUM))("offer blocks on the stand-in's checkout surfaces", () => {
  it("GIVEN the demo store's index WHEN opened THEN it links each recent order's thank-you and order-status pages", async () => {
    await page.goto(`${stack.standIn.url}/${SHOP}/checkout-surfaces`);

    const paths = surfacePaths(SHOP, order);
    await expect(page.locator(`a[href="${paths.thankYou}"]`).count()).resolves.toBe(1);
    await expect(page.locator(`a[href="${paths.orderStatus}"]`).count()).resolves.toBe(1);
  });

  it("GIVEN a $50+ order WHEN its thank-you page is opened THEN the thank-you block shows the socks offer and the app counts one impression", async () => {
    await page.goto(`${stack.standIn.url}${surfacePaths(SHOP, order).thankYou}`);
    const block = page.frameLocator('iframe[title="thank-you-offer"]');
    try {
      await block.getByText("Warm feet for the trail?").waitFor({ timeout: 20_000 });
    } finally {
      await screenshot("thank-you-offer.png");
    }

    await expect(block.getByText("Merino Crew Socks", { exact: false }).count()).resolves.toBeGreaterThan(0);
    await expect(block.getByText("Add to my next order").count()).resolves.toBe(1);
    await expect.poll(async () => (await countedEvents("thank_you", "impression")).map((event) => [event.offerId, event.count]), { timeout: 10_000 }).toEqual([["merino-socks", 1]]);
    expect(pageProblems).toEqual([]);
  });

  it("GIVEN an order of boots WHEN its thank-you page is opened THEN the offer targeted at the Footwear collection shows (collections read from the Admin API)", async () => {
    await page.goto(`${stack.standIn.url}${surfacePaths(SHOP, bootsOrder).thankYou}`);
    const block = page.frameLocator('iframe[title="thank-you-offer"]');
    try {
      await block.getByText("For the trail your new boots are waiting for").waitFor({ timeout: 20_000 });
    } finally {
      await screenshot("thank-you-collection-offer.png");
    }

    await expect.poll(async () => (await countedEvents("thank_you", "impression", bootsOrder)).map((event) => event.offerId), { timeout: 10_000 }).toEqual(["footwear-accessory"]);
    expect(pageProblems).toEqual([]);
  });

  it("GIVEN the same order WHEN the customer opens its order-status page THEN the order-status block shows an offer and its impression is counted for that surface", async () => {
    await page.goto(`${stack.standIn.url}${surfacePaths(SHOP, order).orderStatus}`);
    const block = page.frameLocator('iframe[title="order-status-offer"]');
    try {
      await block.locator("s-section").first().waitFor({ timeout: 20_000 });
    } finally {
      await screenshot("order-status-offer.png");
    }

    await expect.poll(async () => (await countedEvents("order_status", "impression")).length, { timeout: 10_000 }).toBe(1);
    expect(pageProblems).toEqual([]);
  });

  it("GIVEN the shopper declined the post-purchase offer WHEN the thank-you page is opened THEN a next-order code shows, copies, and its impression and copy are counted", async () => {
    const orderId = toGid("Order", order.id);
    const stored = await database.prisma.order.findUniqueOrThrow({ where: { shop_id: { shop: SHOP, id: orderId } } });
    const lines = await database.prisma.lineItem.findMany({ where: { shop: SHOP, orderId } });
    await database.prisma.offerDecision.create({
      data: {
        shop: SHOP, referenceId: `ref-${order.id}`, offerId: "merino-socks", armId: "", customerId: stored.customerId, purchaseKey: purchaseKeyOf(lines),
        variantId: "gid://shopify/ProductVariant/1", quantity: 1, unitPrice: "18.00", discountedUnitPrice: "14.40", currencyCode: "USD", decision: "declined", decidedAt: new Date(), createdAt: stored.processedAt,
      },
    });

    await page.goto(`${stack.standIn.url}${surfacePaths(SHOP, order).thankYou}`);
    const block = page.frameLocator('iframe[title="thank-you-offer"]');
    try {
      await block.getByText("20% off your next order").waitFor({ timeout: 20_000 });
    } finally {
      await screenshot("thank-you-code.png");
    }

    await expect(block.locator("s-text[type=strong]").filter({ hasText: /^THANKS-/ }).count()).resolves.toBe(1);
    await expect.poll(async () => (await countedEvents("thank_you", "code_impression")).map((event) => event.offerId), { timeout: 10_000 }).toEqual(["merino-socks"]);

    await block.getByRole("button", { name: "Copy code" }).click();
    await block.getByRole("button", { name: "Copied" }).waitFor({ timeout: 5_000 });
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toMatch(/^THANKS-/);
    await expect.poll(async () => (await countedEvents("thank_you", "code_copy")).length, { timeout: 10_000 }).toBe(1);
    expect(pageProblems).toEqual([]);
  });
});
