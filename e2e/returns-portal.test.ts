import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "~/db.server";
import { migrate } from "~/db/migrate.server";
import { saveReturnPolicy } from "~/returns/policy-store.server";
import { installApp } from "../scripts/lib/install";
import { REPO_ROOT } from "../scripts/lib/repo-root";
import { waitUntilSettled } from "../scripts/lib/settle";
import { startStack, type Stack } from "../scripts/lib/stack";

const CHROMIUM = "/usr/bin/chromium";
const SHOP = "e2e-returns.myshopify.com";

let databaseFile: string;
let database: Database;
let stack: Stack;
let browser: Browser;
let page: Page;
let orderName = "";
let customerId = "";
const pageProblems: string[] = [];

const settle = () => waitUntilSettled({ standIn: stack.standIn, client: database.prisma, shop: SHOP, timeoutMs: 30_000 });

beforeAll(async () => {
  databaseFile = join(tmpdir(), `aftercare-e2e-returns-${randomBytes(5).toString("hex")}.db`);
  const databaseUrl = `file:${databaseFile}`;
  await migrate(databaseUrl, REPO_ROOT);
  database = createDatabase(databaseUrl);
  stack = await startStack({ databaseUrl, shop: SHOP, appLogLevel: "warn", appLogFile: join(tmpdir(), "aftercare-e2e-returns-app.log") });
  await installApp(stack);
  await saveReturnPolicy(database.prisma, SHOP, { outcomes: { storeCreditBonusPercent: 10 }, fees: { returnShipping: "4.95" } });

  // A delivered order of a customer, as the app learns it from Shopify's webhooks.
  const { store } = stack.standIn;
  const product = store.createProduct(SHOP, { title: "Trail Jacket", vendor: "Aftercare Outdoor", productType: "Jackets", variants: [{ title: "M", sku: "JACKET-M", priceCents: 12000, grams: 800 }, { title: "L", sku: "JACKET-L", priceCents: 12000, grams: 820 }] });
  const address = { company: null, address1: "Torstraße 1", address2: null, city: "Berlin", province: null, provinceCode: null, country: "Germany", countryCode: "DE", zip: "10119", phone: null, latitude: null, longitude: null };
  const customer = store.createCustomer(SHOP, { firstName: "Mara", lastName: "Weiss", email: "mara@example.com", locale: "en", address });
  const created = store.createOrder(SHOP, {
    customerId: customer.id,
    email: "mara@example.com",
    lineItems: [{ variantId: product.variants[0]!.id, quantity: 1 }],
    shippingAddress: { ...address, firstName: "Mara", lastName: "Weiss" },
    payment: "paid",
  });
  orderName = created.name;
  customerId = String(customer.id);
  await settle();
  const fulfillment = store.fulfillOrder(SHOP, created.id, { tracking: [{ number: "1ZRETURNSE2E0001", company: "UPS" }] });
  await settle();
  store.addFulfillmentEvent(SHOP, fulfillment.id, { status: "delivered", city: "Berlin", country: "DE" });
  await settle();

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 900, height: 1400 }, locale: "en-US", javaScriptEnabled: false });
  page = await context.newPage();
  page.on("pageerror", (error) => pageProblems.push(`page error: ${error.message}`));
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await database?.close();
  if (databaseFile) for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) rmSync(file, { force: true });
});

describe.skipIf(!existsSync(CHROMIUM))("the return portal through the stand-in's signed app proxy", () => {
  it("GIVEN a visitor who is not logged in WHEN the portal opens THEN it asks them to log in", async () => {
    const response = await page.goto(`${stack.standIn.url}/${SHOP}/apps/track/returns`);
    expect(response?.status()).toBe(401);
    await expect(page.getByRole("link", { name: "Log in" }).count()).resolves.toBe(1);
  });

  it("GIVEN the order's customer logged in WHEN they walk items, reason, outcome and method THEN the review shows the store credit with its bonus, without JavaScript", async () => {
    await page.context().addCookies([{ name: "sim_customer_id", value: customerId, url: stack.standIn.url }]);
    await page.goto(`${stack.standIn.url}/${SHOP}/apps/track/returns`);
    await expect(page.getByRole("heading", { name: orderName }).count()).resolves.toBe(1);

    const opened = page.waitForResponse((response) => /\/apps\/track\/returns\/\d+/.test(response.url()));
    await page.getByRole("link", { name: "Return items" }).click();
    const itemsPage = await opened;
    expect(itemsPage.status(), await page.locator("main").innerText()).toBe(200);
    await page.getByLabel(/Quantity to return/).fill("1");
    await page.getByRole("button", { name: "Continue" }).click();

    await page.getByLabel("Reason").selectOption("size_too_large");
    await page.getByRole("button", { name: "Continue" }).click();

    await page.getByLabel(/Store credit/).check();
    await page.getByRole("button", { name: "Continue" }).click();

    await page.getByLabel(/Prepaid shipping label/).check();
    await page.getByRole("button", { name: "Continue" }).click();

    const review = await page.locator("main").innerText();
    expect(review).toContain("Trail Jacket");
    expect(review).toContain("Return shipping (prepaid label)");
    expect(review).toContain("Store credit gets a 10% bonus");
    await expect(page.getByRole("button", { name: "Submit return" }).count()).resolves.toBe(1);
    expect(pageProblems).toEqual([]);
  });

  it("GIVEN the review WHEN submitted THEN the status page shows the requested return", async () => {
    await page.getByRole("button", { name: "Submit return" }).click();

    const status = await page.locator("main").innerText();
    expect(status).toContain("Thank you — your return request was sent.");
    expect(status).toContain("Requested — waiting for review");
    expect(await database.prisma.returnCase.count({ where: { shop: SHOP } })).toBe(1);
  });
});
