import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type FrameLocator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { shipmentStatusLabel } from "~/analytics/shipment-status";
import { createDatabase, type Database } from "~/db.server";
import { migrate } from "~/db/migrate.server";
import { installApp, MERCHANT_BROWSER_USER_AGENT } from "../scripts/lib/install";
import { REPO_ROOT } from "../scripts/lib/repo-root";
import { waitUntilSettled } from "../scripts/lib/settle";
import { startStack, type Stack } from "../scripts/lib/stack";

const CHROMIUM = "/usr/bin/chromium";
const SHOP = "e2e-outfitters.myshopify.com";
const ORDERS = 60;
const SCREENSHOT = join(REPO_ROOT, "test-results/admin-home.png");

const shopsResponse = z.object({ shops: z.array(z.object({ domain: z.string(), name: z.string() })) });
const ordersResponse = z.object({ orders: z.array(z.object({ name: z.string(), createdAt: z.iso.datetime() })) });

let databaseFile: string;
let database: Database;
let stack: Stack;
let browser: Browser;
let page: Page;
let app: FrameLocator;
const appFrameProblems: string[] = [];
/** Every console error of both pages, for diagnosing a page that did not render. */
const consoleErrors: string[] = [];
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[label] = Date.now() - started;
  }
}

/** Whether a console message's source runs in the app's iframe: the app's own files, or App Bridge served to it. */
function fromAppFrame(url: string): boolean {
  return url.startsWith(`${stack.app.url}/`) || url.startsWith(`${stack.standIn.url}/cdn/`);
}

async function saveScreenshot(): Promise<void> {
  mkdirSync(join(REPO_ROOT, "test-results"), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
}

/** The table in the app whose column headings are exactly these (the home page has several tables). */
function tableWithHeadings(...headings: string[]) {
  return headings.reduce((tables, name) => tables.filter({ has: app.getByRole("columnheader", { name, exact: true }) }), app.locator("table"));
}

async function controlApi<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(`${stack.controlApiUrl}${path}`);
  expect(response.status).toBe(200);
  return schema.parse(await response.json());
}

beforeAll(async () => {
  // Fail rather than skip: a smoke test that quietly skips would hide a CI machine without a browser.
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (scripts/test-all.sh does)`);
  databaseFile = join(tmpdir(), `aftercare-e2e-${randomBytes(5).toString("hex")}.db`);
  const databaseUrl = `file:${databaseFile}`;
  await migrate(databaseUrl, REPO_ROOT);
  database = createDatabase(databaseUrl);
  stack = await timed("start (build if stale)", () => startStack({ databaseUrl, shop: SHOP, appLogLevel: "warn" }));
  await timed("install", () => installApp(stack));
  await timed("seed + settle", async () => {
    await stack.standIn.seed({ shop: SHOP, orders: ORDERS, days: 30 });
    await waitUntilSettled({ standIn: stack.standIn, client: database.prisma, shop: SHOP, timeoutMs: 60_000 });
  });

  // A fresh profile (launch() makes a temporary user-data dir) and no network beyond loopback.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1800 }, userAgent: MERCHANT_BROWSER_USER_AGENT });
  // Uncaught errors count from either page; console errors and failed requests only from the app's frame
  // (the stand-in's admin page is not under test, and as a top-level page the browser asks it for a favicon).
  page.on("pageerror", (error) => appFrameProblems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${message.location().url}: ${message.text()}`);
    if (message.type() === "error" && fromAppFrame(message.location().url)) appFrameProblems.push(`console error at ${message.location().url}: ${message.text()}`);
  });
  page.on("requestfailed", (request) => {
    if (request.frame() !== page.mainFrame()) appFrameProblems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  await timed("open admin page", async () => {
    await page.goto(stack.adminUrl);
    app = page.frameLocator("#app-iframe");
    try {
      await app.getByRole("heading", { name: "Recent orders" }).waitFor({ timeout: 15_000 });
    } catch (error) {
      await saveScreenshot();
      throw new Error(`the app's home page did not render (screenshot: ${SCREENSHOT}):\n${[...appFrameProblems, ...consoleErrors].join("\n")}`, { cause: error });
    }
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await database?.close();
  if (databaseFile) for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) rmSync(file, { force: true });
  console.log(`admin-home timings (ms): ${JSON.stringify(timings)}; app ${stack?.app.url}, stand-in ${stack?.standIn.url}`);
});

describe("the embedded admin home page, against the stand-in's seeded store", () => {
  it("GIVEN the admin page loaded the app WHEN the install ran THEN the app holds an offline session and the shop's name from Shopify", async () => {
    const { shops } = await controlApi("/shops", shopsResponse);
    const shopName = shops.find((shop) => shop.domain === SHOP)?.name;

    const session = await database.prisma.session.findFirst({ where: { shop: SHOP, isOnline: false } });
    const shop = await database.prisma.shop.findUnique({ where: { shop: SHOP } });

    expect(session?.accessToken).toBeTruthy();
    expect(shopName).toBeTruthy();
    expect(shop).toMatchObject({ name: shopName, uninstalledAt: null });
  });

  it("GIVEN the seeded orders arrived as webhooks WHEN the home page shows them THEN its order total is the store's and the database's count", async () => {
    const { orders } = await controlApi(`/shops/${SHOP}/orders`, ordersResponse);
    const stored = await database.prisma.order.count({ where: { shop: SHOP } });

    const pageText = await app.locator("body").innerText();
    const total = /Orders in the last 30 days\s+Total\s+([\d,]+)/.exec(pageText)?.[1];

    expect(orders).toHaveLength(ORDERS);
    expect(stored).toBe(ORDERS);
    expect(total).toBe(String(ORDERS));
  });

  it("GIVEN shipments in many states WHEN the home page lists them THEN every status badge carries the database's count", async () => {
    const groups = await database.prisma.shipment.groupBy({ by: ["status"], where: { shop: SHOP }, _count: { _all: true } });
    const shipmentsTable = tableWithHeadings("Status", "Shipments");

    expect(groups.length).toBeGreaterThan(1);
    await expect(shipmentsTable.locator("tbody tr").count()).resolves.toBe(groups.length);
    for (const { status, _count } of groups) {
      const row = shipmentsTable.locator("tbody tr", { hasText: shipmentStatusLabel(status) });
      await expect.soft(row.count(), `${status} rows`).resolves.toBe(1);
      await expect.soft(row.locator("td").last().innerText(), `${status} row`).resolves.toBe(String(_count._all));
    }
  });

  it("GIVEN the store's latest order WHEN the home page lists recent orders THEN that order's name is shown", async () => {
    const { orders } = await controlApi(`/shops/${SHOP}/orders`, ordersResponse);
    const latest = orders.reduce((a, b) => (a.createdAt > b.createdAt ? a : b));

    const recentOrders = tableWithHeadings("Order", "Fulfillment", "Shipments");

    await expect(recentOrders.getByText(latest.name, { exact: true }).isVisible()).resolves.toBe(true);
  });

  it("GIVEN the whole visit WHEN it is over THEN the app frame logged no error and no page threw, and the screenshot is saved", async () => {
    await saveScreenshot();

    expect(appFrameProblems).toEqual([]);
  });
});
