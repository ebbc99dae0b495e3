import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseLossless } from "lossless-json";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "~/db.server";
import { migrate } from "~/db/migrate.server";
import { startSmtpSink, type SmtpSink } from "~/notifications/__tests__/smtp-sink";
import { translator } from "~/notifications/messages";
import { saveNotificationPreferences } from "~/notifications/preferences.server";
import { installApp } from "../scripts/lib/install";
import { REPO_ROOT } from "../scripts/lib/repo-root";
import { waitUntilSettled } from "../scripts/lib/settle";
import { startStack, type Stack } from "../scripts/lib/stack";

const SHOP = "e2e-notify.myshopify.com";
const MAIL_FROM = "updates@aftercare.example";
const SHOPPER = "lena.vogel@example.de";
const TRACKING_NUMBER = "1Z999AA10123456784";
const REPLAYS = 10;
const de = translator("de");

let databaseFile: string;
let database: Database;
let sink: SmtpSink;
let stack: Stack;
let order: { id: string; name: string };

function settle() {
  return waitUntilSettled({ standIn: stack.standIn, client: database.prisma, shop: SHOP, timeoutMs: 30_000 });
}

/** Waits until the sink holds `count` messages (the SMTP hand-off ends after the job is marked done). */
async function mailsReceived(count: number): Promise<ParsedMail[]> {
  const deadline = Date.now() + 10_000;
  while (sink.received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return sink.received;
}

/** The href of the email's "track your order" button. */
function trackingButtonHref(mail: ParsedMail): string {
  const html = typeof mail.html === "string" ? mail.html : "";
  const button = new RegExp(`<a[^>]+href="([^"]+)"[^>]*>(?:(?!</a>).)*${de("trackButton")}`, "s").exec(html);
  if (!button) throw new Error(`no "${de("trackButton")}" link in "${mail.subject}"`);
  return button[1]!.replaceAll("&amp;", "&");
}

beforeAll(async () => {
  sink = await startSmtpSink();
  databaseFile = join(tmpdir(), `aftercare-e2e-notify-${randomBytes(5).toString("hex")}.db`);
  const databaseUrl = `file:${databaseFile}`;
  await migrate(databaseUrl, REPO_ROOT);
  database = createDatabase(databaseUrl);
  stack = await startStack({ databaseUrl, shop: SHOP, appLogLevel: "warn", appEnv: { SMTP_URL: sink.url, MAIL_FROM } });
  await installApp(stack);
  // No coalescing hold: this order has one parcel, and the test must not wait 15 minutes for siblings.
  await saveNotificationPreferences(database.prisma, SHOP, { coalesceMinutes: 0 });

  const { store } = stack.standIn;
  const product = store.createProduct(SHOP, { title: "Trail Thermos", vendor: "Aftercare Outdoor", productType: "Bottles", variants: [{ title: "750 ml", sku: "THERMO-750", priceCents: 3400, grams: 420 }] });
  const address = { company: null, address1: "Torstraße 1", address2: null, city: "Berlin", province: null, provinceCode: null, country: "Germany", countryCode: "DE", zip: "10119", phone: null, latitude: null, longitude: null };
  const customer = store.createCustomer(SHOP, { firstName: "Lena", lastName: "Vogel", email: SHOPPER, locale: "de", address });
  const created = store.createOrder(SHOP, {
    customerId: customer.id,
    email: SHOPPER,
    customerLocale: "de",
    lineItems: [{ variantId: product.variants[0]!.id, quantity: 1 }],
    shippingAddress: { ...address, firstName: "Lena", lastName: "Vogel" },
    payment: "paid",
  });
  order = { id: `gid://shopify/Order/${created.id}`, name: created.name };
  await settle();
  const fulfillment = store.fulfillOrder(SHOP, created.id, { tracking: [{ number: TRACKING_NUMBER, company: "UPS" }] });
  await settle();
  // Each step settles before the next: a message whose moment has passed by its send time is rightly not sent.
  for (const status of ["in_transit", "out_for_delivery", "delivered"] as const) {
    store.addFulfillmentEvent(SHOP, fulfillment.id, { status, city: "Berlin", country: "DE" });
    await settle();
  }
  await mailsReceived(4);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await database?.close();
  await sink?.close();
  if (databaseFile) for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) rmSync(file, { force: true });
});

describe("notification emails from Shopify webhooks to the shopper's inbox", () => {
  it("GIVEN a German shopper's order that is confirmed, shipped, out for delivery and delivered THEN exactly one German email per milestone arrives, in order", () => {
    const expected = ["order_confirmed", "shipped", "out_for_delivery", "delivered"].map((trigger) => de(`${trigger}_subject` as Parameters<typeof de>[0], { orderName: order.name }));

    expect(sink.received.map((mail) => mail.subject)).toEqual(expected);
    for (const [index, mail] of sink.received.entries()) {
      expect(mail.to && "value" in mail.to ? mail.to.value.map((address) => address.address) : []).toEqual([SHOPPER]);
      expect(mail.from?.value[0]?.address).toBe(MAIL_FROM);
      expect(mail.html).toContain('lang="de"');
      // The confirmation goes out before there is a parcel; every later email names it.
      if (index > 0) expect(mail.text).toContain(TRACKING_NUMBER);
    }
  });

  it("GIVEN the delivered email WHEN its tracking link is opened through the storefront's app proxy THEN the tracking page shows that order as delivered", async () => {
    const delivered = sink.received.at(-1)!;

    const click = await fetch(trackingButtonHref(delivered), { redirect: "manual" });
    const destination = new URL(click.headers.get("location") ?? "");
    const page = await fetch(`${stack.standIn.url}/${destination.host}${destination.pathname}`);
    const html = await page.text();

    expect(click.status).toBe(302);
    expect(destination.host).toBe(SHOP);
    expect(destination.pathname).toMatch(/^\/apps\/track\/o\/[^/]+$/);
    expect(page.status).toBe(200);
    expect(html).toContain(order.name);
    expect(html).toContain(TRACKING_NUMBER);
  });

  it(`GIVEN every webhook of the journey WHEN the stand-in delivers each again ${REPLAYS}× under a new webhook id THEN no further email arrives`, async () => {
    const before = sink.received.length;
    const journey = stack.standIn.webhooks.deliveries({ shop: SHOP }).filter((delivery) => delivery.copy === 1);
    stack.standIn.webhooks.setMode({ duplicate: REPLAYS });

    for (const delivery of journey) {
      stack.standIn.webhooks.enqueue(SHOP, delivery.eventId, new Date(delivery.triggeredAt), [{ topic: delivery.topic, payload: parseLossless(delivery.body) }]);
    }
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const replayed = stack.standIn.webhooks.deliveries({ shop: SHOP, state: "delivered" }).length;

    expect(journey.length).toBeGreaterThan(8);
    expect(replayed).toBeGreaterThanOrEqual(journey.length * (REPLAYS + 1));
    expect(sink.received.length).toBe(before);
    await expect(database.prisma.notificationMessage.count({ where: { shop: SHOP } })).resolves.toBe(4);
  });
});
