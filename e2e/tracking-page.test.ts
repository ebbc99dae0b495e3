import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "~/db.server";
import { migrate } from "~/db/migrate.server";
import { statusMessageKey, translator } from "~/tracking-page/messages";
import { shipmentStatusSchema } from "~/tracking/status";
import { installApp } from "../scripts/lib/install";
import { REPO_ROOT } from "../scripts/lib/repo-root";
import { waitUntilSettled } from "../scripts/lib/settle";
import { startStack, type Stack } from "../scripts/lib/stack";

const CHROMIUM = "/usr/bin/chromium";
const SHOP = "e2e-tracking.myshopify.com";
const SCREENSHOT = join(REPO_ROOT, "test-results/tracking-page.png");
const t = translator("en");

let databaseFile: string;
let database: Database;
let stack: Stack;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

/** A seeded order whose first parcel has at least three scans, as the app stored it from the webhooks. */
async function demoOrderWithTimeline() {
  const prisma = database.prisma;
  const shipments = await prisma.shipment.findMany({ where: { shop: SHOP, status: { in: ["in_transit", "out_for_delivery", "delivered"] } }, orderBy: { id: "asc" } });
  for (const shipment of shipments) {
    const events = await prisma.trackingEvent.findMany({
      where: { shop: SHOP, OR: [{ shipmentId: shipment.id }, { fulfillmentId: shipment.fulfillmentId, shipmentId: null }] },
      orderBy: { happenedAt: "desc" },
    });
    const order = await prisma.order.findFirst({ where: { shop: SHOP, id: shipment.orderId, email: { not: null }, cancelledAt: null } });
    const parcels = await prisma.shipment.count({ where: { shop: SHOP, orderId: shipment.orderId } });
    if (order && events.length >= 3 && parcels === 1) return { order, shipment, events };
  }
  throw new Error("the seeded store has no single-parcel order with three scans");
}

beforeAll(async () => {
  databaseFile = join(tmpdir(), `aftercare-e2e-tp-${randomBytes(5).toString("hex")}.db`);
  const databaseUrl = `file:${databaseFile}`;
  await migrate(databaseUrl, REPO_ROOT);
  database = createDatabase(databaseUrl);
  stack = await startStack({ databaseUrl, shop: SHOP, appLogLevel: "warn" });
  await installApp(stack);
  await stack.standIn.seed({ shop: SHOP, orders: 40, days: 20 });
  await waitUntilSettled({ standIn: stack.standIn, client: database.prisma, shop: SHOP, timeoutMs: 90_000 });
  // The merchant switches the marketing block on (the settings page will write this section).
  const shop = await database.prisma.shop.findUniqueOrThrow({ where: { shop: SHOP } });
  const settings = { ...JSON.parse(shop.settings), trackingPage: { marketing: { enabled: true, bannerText: "Free returns on winter gear", bannerUrl: "https://e2e-tracking.example/winter", discountCode: "WELCOMEBACK" } } };
  await database.prisma.shop.update({ where: { shop: SHOP }, data: { settings: JSON.stringify(settings) } });

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 900, height: 1400 }, locale: "en-US", javaScriptEnabled: false });
  page.on("pageerror", (error) => pageProblems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => pageProblems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await database?.close();
  if (databaseFile) for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) rmSync(file, { force: true });
});

describe.skipIf(!existsSync(CHROMIUM))("the branded tracking page through the stand-in's signed app proxy", () => {
  it("GIVEN a seeded order WHEN a shopper looks it up by number and email without JavaScript THEN the page shows its real status and timeline", async () => {
    const { order, shipment, events } = await demoOrderWithTimeline();

    await page.goto(`${stack.standIn.url}/${SHOP}/apps/track`);
    await page.getByLabel("Order number").fill(order.name.replace("#", ""));
    await page.getByLabel("Email").fill(order.email!.toUpperCase());
    await page.getByRole("button", { name: "Track order" }).click();
    try {
      await page.getByRole("heading", { level: 1, name: `Order ${order.name}` }).waitFor({ timeout: 15_000 });
    } finally {
      mkdirSync(join(REPO_ROOT, "test-results"), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    }

    expect(page.url()).toBe(`${stack.standIn.url}/${SHOP}/apps/track/lookup`);
    const card = page.locator("section.card").first();
    await expect(card.getByRole("status").textContent()).resolves.toBe(t(statusMessageKey(shipmentStatusSchema.parse(shipment.status))));
    await expect(card.getByText(shipment.trackingNumber)).toBeTruthy();
    const timeline = await card.locator(".tl li").allTextContents();
    expect(timeline).toHaveLength(events.length);
    events.forEach((event, index) => {
      expect(timeline[index]).toContain(t(statusMessageKey(shipmentStatusSchema.parse(event.status))));
      if (event.message) expect(timeline[index]).toContain(event.message);
    });
    await expect(page.getByRole("complementary").getByText("WELCOMEBACK", { exact: false }).count()).resolves.toBe(1);
    expect(await database.prisma.trackingPageEvent.count({ where: { shop: SHOP, orderId: order.id, kind: "view" } })).toBe(1);
    expect(pageProblems).toEqual([]);
  });

  it("GIVEN the order page WHEN a keyboard user presses Tab THEN the skip link is focused first and leads to the main content", async () => {
    await page.keyboard.press("Tab");

    await expect(page.evaluate(() => document.activeElement?.getAttribute("href"))).resolves.toBe("#main");
  });

  it("GIVEN the order page WHEN the shopper follows 'Track another order' THEN the relative link lands on the form under the proxy", async () => {
    await page.getByRole("link", { name: "Track another order" }).click();

    await page.getByRole("heading", { level: 1, name: "Track your order" }).waitFor();
    expect(page.url()).toBe(`${stack.standIn.url}/${SHOP}/apps/track`);
  });

  it("GIVEN a wrong email WHEN looked up THEN the shopper sees the one uniform miss message", async () => {
    const { order } = await demoOrderWithTimeline();

    await page.goto(`${stack.standIn.url}/${SHOP}/apps/track`);
    await page.getByLabel("Order number").fill(order.name);
    await page.getByLabel("Email").fill("not-the-shopper@example.com");
    await page.getByRole("button", { name: "Track order" }).click();

    await expect(page.getByRole("alert").textContent()).resolves.toBe(t("notFound"));
  });
});
