import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import { controlApi, createSimpleCatalog, FakeApp, SHOP, startTestStandIn } from "./helpers.ts";

let app: FakeApp;
let standIn: StandIn;

beforeAll(async () => {
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app);
});

afterAll(async () => {
  await standIn.close();
  await app.stop();
});

const call = (method: string, path: string, body?: unknown) => controlApi(standIn, method, path, body);

describe("control API", () => {
  it("GIVEN another process WHEN it drives an order through its life THEN each step answers and emits its webhooks", async () => {
    const { variants, customer } = createSimpleCatalog(standIn);
    const created = await call("POST", `/shops/${SHOP}/orders`, { customerId: `gid://shopify/Customer/${customer.id}`, lineItems: [{ variantId: variants[0]!.id, quantity: 2 }, { variantId: variants[1]!.id, quantity: 1 }] });
    expect(created.status).toBe(201);
    const order = created.body.order;
    expect(order).toMatchObject({ name: "#1001", financialStatus: "paid", fulfillmentStatus: null });

    const fulfilled = await call("POST", `/shops/${SHOP}/orders/${order.id}/fulfillments`, {
      lineItems: [{ lineItemId: order.lineItems[0].id, quantity: 2 }],
      tracking: [{ number: "1Z999AA10123456784", company: "UPS" }, { number: "1Z999AA10123456795" }],
      trackingCompany: "UPS",
    });
    expect(fulfilled.status).toBe(201);
    expect(fulfilled.body.fulfillment.tracking[1]).toEqual({ company: "UPS", number: "1Z999AA10123456795", url: expect.stringContaining("ups.com") });

    const event = await call("POST", `/shops/${SHOP}/fulfillments/${fulfilled.body.fulfillment.id}/events`, {
      status: "out_for_delivery", happenedAt: new Date().toISOString(), message: "On the truck", city: "München", country: "DE",
    });
    expect(event.body.event).toMatchObject({ status: "out_for_delivery", city: "München" });

    const refund = await call("POST", `/shops/${SHOP}/orders/${order.id}/refunds`, { lineItems: [{ lineItemId: order.lineItems[1].id, quantity: 1 }] });
    expect(refund.body.refund.amount).toBe("19.00");
    const cancelled = await call("POST", `/shops/${SHOP}/orders/${order.id}/cancel`, { reason: "customer" });
    expect(cancelled.body.order.cancelledAt).not.toBeNull();

    await call("POST", "/webhooks/idle");
    const { body } = await call("GET", `/webhooks?shop=${SHOP}`);
    const topics = body.deliveries.map((d: { topic: string }) => d.topic);
    expect(topics).toEqual(expect.arrayContaining(["orders/create", "orders/partially_fulfilled", "fulfillment_events/create", "fulfillments/update", "refunds/create", "orders/cancelled"]));
    expect(body.deliveries.every((d: { attempts: { status: number }[] }) => d.attempts[0]?.status === 200)).toBe(true);
  });

  it.each([
    ["an unknown order", "POST", `/shops/${SHOP}/orders/123/cancel`, {}, 404],
    ["an unknown shop", "GET", "/shops/nope.myshopify.com/orders", undefined, 404],
    ["a bad body", "POST", `/shops/${SHOP}/orders`, { lineItems: [] }, 400],
    ["an invalid delivery mode", "POST", "/webhooks/mode", { duplicate: 0 }, 400],
  ])("GIVEN %s WHEN called THEN it answers %s with an error", async (_case, method, path, body, status) => {
    const response = await call(method, path, body);
    expect(response.status).toBe(status);
    expect(response.body.error).toBeTruthy();
  });

  it("GIVEN an order fulfilled completely WHEN fulfilled again THEN the refusal is a 422", async () => {
    const { variants } = createSimpleCatalog(standIn);
    const order = standIn.store.createOrder(SHOP, { email: "guest@example.com", lineItems: [{ variantId: variants[0]!.id, quantity: 1 }] });
    standIn.store.fulfillOrder(SHOP, order.id);
    const again = await call("POST", `/shops/${SHOP}/orders/${order.id}/fulfillments`, {});
    expect(again.status).toBe(422);
    expect(again.body.error).toContain("nothing left to fulfill");
  });

  it("GIVEN delivery modes WHEN set over HTTP THEN they apply and can be reset", async () => {
    expect((await call("POST", "/webhooks/mode", { duplicate: 2, paused: true })).body.mode).toEqual({ duplicate: 2, shuffle: false, drop: false, paused: true });
    expect((await call("POST", "/webhooks/resume")).status).toBe(200);
    expect((await call("POST", "/webhooks/mode", { duplicate: 1 })).body.mode.paused).toBe(false);
  });

  it("GIVEN token and proxy helpers WHEN called THEN they return a token and a signed URL", async () => {
    const token = await call("POST", "/session-tokens", { kind: "customer-account", shop: SHOP, customerId: "5" });
    expect(token.body.token.split(".")).toHaveLength(3);
    const signed = await call("POST", "/app-proxy/sign", { shop: SHOP, path: "/lookup" });
    expect(new URL(signed.body.url).searchParams.get("signature")).toMatch(/^[0-9a-f]{64}$/);
  });
});
