import { describe, expect, it } from "vitest";
import { parseShopifyJson } from "~/webhooks/payload";
import { orderDetailsSchema, readingFromOrderNode } from "~/reconciliation/order-node";
import { orderSnapshotFromWebhook } from "../order-payload";
import { samplePayload, samplePayloadWith } from "./shopify-samples";

const GID = "gid://shopify/ShippingLine/271878346596884000";

/** The same shipping line as the Admin API answers it (ORDER_DETAILS_QUERY). */
const graphqlLine = {
  id: GID,
  title: "Generic Shipping",
  code: null,
  source: "shopify",
  carrierIdentifier: null,
  originalPriceSet: { shopMoney: { amount: "10.0", currencyCode: "USD" } },
  discountedPriceSet: { shopMoney: { amount: "0.0" } },
  isRemoved: false,
};

function graphqlOrder(shippingLines: unknown) {
  return {
    id: "gid://shopify/Order/1",
    name: "#1",
    tags: [],
    createdAt: "2026-11-20T10:00:00Z",
    updatedAt: "2026-11-20T10:00:00Z",
    lineItems: { nodes: [] },
    fulfillments: [],
    ...(shippingLines === undefined ? {} : { shippingLines }),
  };
}

describe("shipping lines", () => {
  it("GIVEN Shopify's sample order webhook WHEN mapped THEN its shipping line keeps title, source, price before and after discounts and currency, with a lossless id", () => {
    expect(orderSnapshotFromWebhook(samplePayload("orders/create")).shippingLines).toEqual([
      { id: GID, title: "Generic Shipping", code: null, source: "shopify", carrierIdentifier: null, price: "10.00", discountedPrice: "0.00", currencyCode: "USD", isRemoved: false },
    ]);
  });

  it("GIVEN the same line read from the Admin API WHEN mapped THEN it stores value for value what the webhook stores", () => {
    const reading = readingFromOrderNode(orderDetailsSchema.parse({ nodes: [graphqlOrder({ nodes: [graphqlLine] })] }).nodes[0]!);
    expect(reading.order.shippingLines).toEqual(orderSnapshotFromWebhook(samplePayload("orders/create")).shippingLines);
  });

  it.each([
    ["a carrier-calculated rate", { code: "UPS_GROUND", source: "ups_shipping", carrier_identifier: "abc123", title: "UPS Ground" }, { code: "UPS_GROUND", source: "ups_shipping", carrierIdentifier: "abc123", title: "UPS Ground" }],
    ["a line removed by an order edit", { is_removed: true }, { isRemoved: true }],
    ["a blank title", { title: " ", code: "Express" }, { title: "Express" }],
    ["no price_set (older payloads)", { price_set: null, discounted_price_set: null, discounted_price: "4.5" }, { price: "10.00", discountedPrice: "4.50", currencyCode: "USD" }],
  ])("GIVEN %s WHEN the webhook is mapped THEN the line says so", (_, changes, expected) => {
    const sample = samplePayload("orders/create");
    const [line] = sample.shipping_lines as Record<string, unknown>[];
    const payload = samplePayloadWith("orders/create", { shipping_lines: [{ ...line, ...changes }] });
    expect(orderSnapshotFromWebhook(payload).shippingLines![0]).toMatchObject(expected);
  });

  it("GIVEN a payload or API read without shipping lines WHEN mapped THEN they are undefined (held lines are kept), and a line without an id is skipped", () => {
    const payload = samplePayload("orders/create");
    delete payload.shipping_lines;
    expect(orderSnapshotFromWebhook(payload).shippingLines).toBeUndefined();
    expect(readingFromOrderNode(orderDetailsSchema.parse({ nodes: [graphqlOrder(undefined)] }).nodes[0]!).order.shippingLines).toBeUndefined();
    expect(orderSnapshotFromWebhook(samplePayloadWith("orders/create", { shipping_lines: [{ id: null, title: "x", price: "1.00" }] })).shippingLines).toEqual([]);
  });

  it("GIVEN a shipping price that is not a decimal WHEN the webhook is mapped THEN the payload is refused naming the field", () => {
    const body = parseShopifyJson(JSON.stringify({ ...samplePayload("orders/create"), shipping_lines: [{ id: 1, title: "x", price: "ten" }] }));
    expect(() => orderSnapshotFromWebhook(body)).toThrow(/shipping_lines\.0\.price/);
  });
});
