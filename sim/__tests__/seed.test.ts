import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHIPPING_RATE_CENTS, seedStore, type SeedSummary } from "../seed.ts";
import { financialStatus } from "../store/order-math.ts";
import { SimStore } from "../store/store.ts";
import { dhlExpressNumber, fedexCheckDigit, mod10CheckDigit, s10CheckDigit, upsCheckDigit } from "../seed/tracking-numbers.ts";
import { FakeApp, startTestStandIn } from "./helpers.ts";

const SHOP = "demo-outfitters.myshopify.com";
const NOW = new Date("2026-11-22T15:00:00Z");
const DAY = 86_400_000;

function seeded(seed = 7, orders = 240) {
  const store = new SimStore({ clock: () => NOW });
  return seedStore({ url: "http://127.0.0.1:3457", store }, { shop: SHOP, orders, days: 30, seed }).then((summary) => ({ store, summary }));
}

let store: SimStore;
let summary: SeedSummary;

beforeAll(async () => {
  ({ store, summary } = await seeded());
});

const VALID_TRACKING: Record<string, (n: string) => boolean> = {
  UPS: (n) => /^1Z[0-9A-Z]{16}$/.test(n) && upsCheckDigit(n.slice(2, 17)) === Number(n[17]),
  USPS: (n) => /^9[2-5]\d{20}$/.test(n) && mod10CheckDigit(n.slice(0, 21)) === Number(n[21]),
  FedEx: (n) => /^\d{12}$/.test(n) && fedexCheckDigit(n.slice(0, 11)) === Number(n[11]),
  "DHL Express": (n) => /^\d{10}$/.test(n) && Number(n.slice(0, 9)) % 7 === Number(n[9]),
  "Canada Post": (n) => /^[A-Z]{2}\d{9}CA$/.test(n) && s10CheckDigit(n.slice(2, 10)) === Number(n[10]),
  "Royal Mail": (n) => /^[A-Z]{2}\d{9}GB$/.test(n) && s10CheckDigit(n.slice(2, 10)) === Number(n[10]),
  "Australia Post": (n) => /^[A-Z]{2}\d{9}AU$/.test(n) && s10CheckDigit(n.slice(2, 10)) === Number(n[10]),
};

describe("seedStore", () => {
  it("GIVEN the default seed WHEN orders are placed THEN each shipping line names its carrier and charges its rate (or nothing), so the carriers page has costs to weigh", () => {
    const orders = [...store.state(SHOP).orders.values()];
    for (const { shippingLine } of orders) {
      const [, carrier, service] = /^(.+) (Standard|International Express)$/.exec(shippingLine.title) ?? [];
      const rate = SHIPPING_RATE_CENTS[carrier as keyof typeof SHIPPING_RATE_CENTS] * (service === "Standard" ? 1 : 2);
      expect([0, rate, rate + 300], shippingLine.title).toContain(shippingLine.price);
    }
    expect(new Set(orders.map((order) => order.shippingLine.price)).size).toBeGreaterThan(3);
  });

  it("GIVEN the default seed WHEN the store is filled THEN it has a catalogue, international customers and at least 200 orders over 30 days", () => {
    const state = store.state(SHOP);
    expect(summary.orders).toBeGreaterThanOrEqual(200);
    expect(state.orders.size).toBe(summary.orders);
    expect(state.products.size).toBeGreaterThanOrEqual(30);
    expect(state.customers.size).toBeGreaterThanOrEqual(150);
    const names = [...state.customers.values()].map((c) => `${c.firstName} ${c.lastName}`);
    expect(names.some((n) => /[^\p{ASCII}]/u.test(n))).toBe(true);
    expect(new Set([...state.customers.values()].map((c) => c.address.countryCode)).size).toBeGreaterThanOrEqual(6);
    const created = [...state.orders.values()].map((o) => o.createdAt.getTime());
    expect(Math.min(...created)).toBeGreaterThanOrEqual(NOW.getTime() - 30 * DAY);
    expect(Math.max(...created)).toBeLessThanOrEqual(NOW.getTime());
  });

  it("GIVEN the seeded orders WHEN their shipments are inspected THEN every shipment state appears", () => {
    const state = store.state(SHOP);
    const orders = [...state.orders.values()];
    const fulfillments = [...state.fulfillments.values()];
    const statuses = new Set(fulfillments.map((f) => f.shipmentStatus));
    for (const status of ["label_printed", "in_transit", "out_for_delivery", "delivered", "attempted_delivery", "ready_for_pickup", "picked_up", "delayed", "failure"]) {
      expect(statuses, status).toContain(status);
    }
    expect(orders.some((o) => o.fulfillmentIds.length === 0 && !o.cancelledAt)).toBe(true);
    expect(fulfillments.some((f) => f.tracking.length === 0)).toBe(true);
    expect(orders.some((o) => o.cancelledAt !== null)).toBe(true);
    expect(orders.some((o) => financialStatus(state, o) === "partially_refunded")).toBe(true);
    expect(orders.some((o) => o.fulfillmentIds.length === 2)).toBe(true);
    expect(fulfillments.some((f) => f.tracking.length === 2)).toBe(true);
    const stalled = fulfillments.filter((f) => {
      const last = state.eventsOf(f).at(-1);
      return f.shipmentStatus === "in_transit" && last && NOW.getTime() - last.happenedAt.getTime() > 5 * DAY;
    });
    expect(stalled.length).toBeGreaterThan(0);
    for (const count of Object.values(summary.scenarios)) expect(count).toBeGreaterThan(0);
  });

  it("GIVEN every tracking number WHEN checked against its carrier's format THEN all are valid, check digits included", () => {
    const tracking = [...store.state(SHOP).fulfillments.values()].flatMap((f) => f.tracking);
    expect(new Set(tracking.map((t) => t.company)).size).toBeGreaterThanOrEqual(5);
    for (const { company, number, url } of tracking) {
      expect(VALID_TRACKING[company!]?.(number), `${company} ${number}`).toBe(true);
      expect(url).toMatch(/^https:\/\//);
    }
    expect(dhlExpressNumber).toBeTypeOf("function");
  });

  it("GIVEN no event lies in the future WHEN events are inspected THEN each happened before now and after its order", () => {
    const state = store.state(SHOP);
    for (const event of state.fulfillmentEvents.values()) {
      expect(event.happenedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(event.happenedAt.getTime()).toBeGreaterThanOrEqual(state.order(event.orderId).createdAt.getTime());
    }
  });

  it("GIVEN the same seed twice WHEN stores are filled THEN they are identical", async () => {
    const numbers = (s: SimStore) => [...s.state(SHOP).fulfillments.values()].flatMap((f) => f.tracking.map((t) => t.number));
    const [first, again, different] = await Promise.all([seeded(5, 60), seeded(5, 60), seeded(6, 60)]);
    expect(numbers(again.store)).toEqual(numbers(first.store));
    expect(again.summary).toEqual(first.summary);
    expect(numbers(different.store)).not.toEqual(numbers(first.store));
  });
});

describe("seeding a running stand-in", () => {
  let app: FakeApp;
  beforeAll(async () => {
    app = await new FakeApp().start();
  });
  afterAll(async () => {
    await app.stop();
  });

  it("GIVEN an app subscribed to order topics WHEN a shop is seeded THEN it receives the history as signed webhooks in time order", async () => {
    const standIn = await startTestStandIn(app, { clock: () => NOW, shops: [SHOP] });
    await standIn.seed({ shop: SHOP, orders: 15, days: 30, seed: 3 });
    await standIn.webhooks.idle();
    await standIn.close();

    const received = app.webhooks();
    expect(received.length).toBeGreaterThan(50);
    const times = received.map((r) => Date.parse(r.headers["x-shopify-triggered-at"] as string));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(app.webhooks("fulfillment_events/create").length).toBeGreaterThan(5);
  });
});
