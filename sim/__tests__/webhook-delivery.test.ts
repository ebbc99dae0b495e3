import { isLosslessNumber, parse } from "lossless-json";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import { API_SECRET, createSimpleCatalog, FakeApp, graphql, offlineToken, SHOP, shopifyLibrary, startTestStandIn } from "./helpers.ts";
import { webhookHmac } from "../webhooks/signing.ts";

let app: FakeApp;
let standIn: StandIn;

beforeEach(async () => {
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app);
});

afterEach(async () => {
  await standIn.close();
  await app.stop();
});

function placeOrder() {
  const { variants, customer } = createSimpleCatalog(standIn);
  return standIn.store.createOrder(SHOP, { customerId: customer.id, lineItems: [{ variantId: variants[0]!.id, quantity: 2 }] });
}

function asRequest(received: FakeApp["requests"][number]): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(received.headers)) if (typeof value === "string") headers.set(name, value);
  return new Request(`${app.url}${received.url}`, { method: "POST", headers, body: received.body });
}

describe("webhook delivery", () => {
  it("GIVEN an app subscribed in shopify.app.toml WHEN an order is placed THEN orders/create arrives signed so shopify-api's own validation accepts it", async () => {
    placeOrder();
    await standIn.webhooks.idle();

    const [delivery] = app.webhooks("orders/create");
    expect(delivery).toBeDefined();
    expect(delivery!.url).toBe("/webhooks/orders/create");
    const result = await shopifyLibrary(app.url).webhooks.validate({ rawBody: delivery!.body, rawRequest: asRequest(delivery!) });
    expect(result).toMatchObject({ valid: true, topic: "ORDERS_CREATE", domain: SHOP, apiVersion: "2026-07" });
    expect(delivery!.headers["content-type"]).toBe("application/json");
    expect(delivery!.headers["x-shopify-hmac-sha256"]).toBe(webhookHmac(API_SECRET, delivery!.body));
    expect(new Date(delivery!.headers["x-shopify-triggered-at"] as string).toISOString()).toBe(delivery!.headers["x-shopify-triggered-at"]);
  });

  it("GIVEN one merchant action WHEN it causes several topics THEN they share X-Shopify-Event-Id and each has its own webhook id", async () => {
    const order = placeOrder();
    await standIn.webhooks.idle();
    app.requests.length = 0;

    standIn.store.fulfillOrder(SHOP, order.id, { tracking: [{ number: "1Z999AA10123456784", company: "UPS" }] });
    await standIn.webhooks.idle();

    const topics = app.webhooks().map((r) => r.headers["x-shopify-topic"]);
    expect(topics).toEqual(["fulfillments/create", "orders/fulfilled", "orders/updated"]);
    const eventIds = new Set(app.webhooks().map((r) => r.headers["x-shopify-event-id"]));
    const webhookIds = new Set(app.webhooks().map((r) => r.headers["x-shopify-webhook-id"]));
    expect(eventIds.size).toBe(1);
    expect(webhookIds.size).toBe(3);
  });

  it("GIVEN ids above 2^53 WHEN a payload is sent THEN ids are bare JSON integers with every digit", async () => {
    const order = placeOrder();
    await standIn.webhooks.idle();

    const body = app.webhooks("orders/create")[0]!.body;
    expect(Number.isSafeInteger(Number(order.id))).toBe(false);
    expect(body).toContain(`"id":${order.id},`);
    const parsed = parse(body) as Record<string, unknown>;
    expect(isLosslessNumber(parsed.id)).toBe(true);
    expect(String(parsed.id)).toBe(order.id);
  });

  it("GIVEN the app answers 500 twice WHEN an order is placed THEN Shopify-style retries deliver it with the same webhook id", async () => {
    let failures = 2;
    app.respond = (request) => (request.headers["x-shopify-topic"] === "orders/create" && failures-- > 0 ? { status: 500 } : { status: 200 });

    placeOrder();
    await standIn.webhooks.settled();

    const attempts = app.webhooks("orders/create");
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.headers["x-shopify-webhook-id"])).size).toBe(1);
    const [record] = standIn.webhooks.deliveries({ topic: "orders/create" });
    expect(record!.state).toBe("delivered");
    expect(record!.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
  });

  it("GIVEN the app never succeeds WHEN the retries run out THEN the delivery is marked failed", async () => {
    app.respond = () => ({ status: 503 });
    placeOrder();
    await standIn.webhooks.settled();
    const [record] = standIn.webhooks.deliveries({ topic: "orders/create" });
    expect(record!.state).toBe("failed");
    expect(record!.attempts).toHaveLength(4);
  });

  it("GIVEN a retry is scheduled far in the future WHEN retries are flushed THEN it is sent at once", async () => {
    await standIn.close();
    standIn = await startTestStandIn(app, { webhookRetry: { delaysMs: [3_600_000] } });
    let failures = 1;
    app.respond = (request) => (request.headers["x-shopify-topic"] === "orders/create" && failures-- > 0 ? { status: 500 } : { status: 200 });
    placeOrder();
    await standIn.webhooks.idle();
    expect(standIn.webhooks.deliveries({ topic: "orders/create" })[0]!.state).toBe("retry_scheduled");

    expect(await standIn.webhooks.flushRetries()).toBe(1);
    expect(standIn.webhooks.deliveries({ topic: "orders/create" })[0]!.state).toBe("delivered");
  });

  it("GIVEN duplicate mode WHEN an order is placed THEN each webhook arrives n times with one webhook id", async () => {
    standIn.webhooks.setMode({ duplicate: 3 });
    placeOrder();
    await standIn.webhooks.idle();
    const copies = app.webhooks("orders/create");
    expect(copies).toHaveLength(3);
    expect(new Set(copies.map((c) => c.headers["x-shopify-webhook-id"])).size).toBe(1);
    expect(new Set(copies.map((c) => c.body)).size).toBe(1);
  });

  it("GIVEN shuffle mode WHEN a batch is released THEN every held webhook arrives, in random order", async () => {
    standIn.webhooks.setMode({ shuffle: true });
    const order = placeOrder();
    for (const status of ["label_printed", "in_transit", "out_for_delivery", "delivered"] as const) {
      const [fulfillment] = standIn.store.state(SHOP).fulfillmentsOf(order);
      const id = fulfillment?.id ?? standIn.store.fulfillOrder(SHOP, order.id, { tracking: [{ number: "1Z999AA10123456784", company: "UPS" }] }).id;
      standIn.store.addFulfillmentEvent(SHOP, id, { status });
    }
    await standIn.webhooks.idle();
    expect(app.webhooks()).toHaveLength(0);
    const held = standIn.webhooks.deliveries({ state: "held" });

    expect(standIn.webhooks.release()).toBe(held.length);
    await standIn.webhooks.idle();

    const received = app.webhooks().map((r) => r.headers["x-shopify-webhook-id"]);
    expect([...received].sort()).toEqual(held.map((d) => d.webhookId).sort());
  });

  it("GIVEN drop mode WHEN webhooks are emitted THEN they never arrive and are recorded as dropped", async () => {
    const { variants, customer } = createSimpleCatalog(standIn);
    await standIn.webhooks.idle();
    standIn.webhooks.setMode({ drop: 1 });
    standIn.store.createOrder(SHOP, { customerId: customer.id, lineItems: [{ variantId: variants[0]!.id, quantity: 2 }] });
    await standIn.webhooks.idle();
    expect(app.webhooks("orders/create")).toHaveLength(0);
    expect(standIn.webhooks.deliveries({ topic: "orders/create" })[0]!.state).toBe("dropped");
    expect(app.webhooks("orders/updated")).toHaveLength(1);
  });

  it("GIVEN delivery is paused WHEN it resumes THEN the held webhooks arrive in order", async () => {
    standIn.webhooks.setMode({ paused: true });
    placeOrder();
    await standIn.webhooks.idle();
    expect(app.webhooks()).toHaveLength(0);
    standIn.webhooks.resume();
    await standIn.webhooks.idle();
    expect(app.webhooks().map((r) => r.headers["x-shopify-topic"])).toEqual(["customers/create", "customers_marketing_consent/update", "customers_email_marketing_consent/update", "orders/create", "orders/paid", "orders/updated"].filter((t) => app.webhooks(t).length > 0));
  });

  it("GIVEN a shop uninstalls the app WHEN it happens THEN app/uninstalled arrives, tokens stop working and only compliance topics follow", async () => {
    const { customer } = createSimpleCatalog(standIn);
    const token = await offlineToken(standIn);
    standIn.store.uninstallApp(SHOP);
    standIn.store.redactCustomer(SHOP, customer.id);
    standIn.store.updateScopes(SHOP, ["read_orders"]);
    await standIn.webhooks.idle();

    expect(app.webhooks("app/uninstalled")).toHaveLength(1);
    expect(app.webhooks("customers/redact")).toHaveLength(1);
    expect(app.webhooks("app/scopes_update")).toHaveLength(0);
    const { status, body } = await graphql(standIn, token, "{ shop { name } }");
    expect(status).toBe(401);
    expect(body).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
  });

  it("GIVEN the control API WHEN deliveries are listed THEN each shows its attempts and response status", async () => {
    placeOrder();
    await standIn.webhooks.idle();
    const response = await fetch(`${standIn.url}/_sim/webhooks?topic=orders/create`);
    const { deliveries } = (await response.json()) as { deliveries: { state: string; attempts: { status: number; durationMs: number }[]; body: string }[] };
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.state).toBe("delivered");
    expect(deliveries[0]!.attempts[0]!.status).toBe(200);
    expect(typeof deliveries[0]!.body).toBe("string");
  });
});
