import { describe, expect, it } from "vitest";
import { parseShopifyJson } from "~/webhooks/payload";
import { orderSnapshotFromWebhook } from "../order-payload";
import { InvalidShopifyPayloadError } from "../payload-fields";
import { samplePayload, samplePayloadWith, samplePayloadWithout } from "./shopify-samples";

const ORDER_TOPICS = ["orders/create", "orders/updated", "orders/cancelled", "orders/fulfilled", "orders/partially_fulfilled"];

describe("orderSnapshotFromWebhook", () => {
  it.each(ORDER_TOPICS)("GIVEN Shopify's sample %s payload WHEN mapped THEN the order is keyed by its gid with minimal PII", (topic) => {
    const snapshot = orderSnapshotFromWebhook(samplePayload(topic));

    expect(snapshot.order).toEqual({
      id: "gid://shopify/Order/820982911946154508",
      name: "#9999",
      email: "jon@example.com",
      phone: null,
      customerId: "gid://shopify/Customer/115310627314723954",
      customerFirstName: "John",
      locale: "en",
      currencyCode: "USD",
      totalPrice: "404.95",
      financialStatus: "voided",
      fulfillmentStatus: "unfulfilled",
      tags: "tag1, tag2",
      statusPageUrl: "https://jsmith.myshopify.com/548380009/orders/123456abcd/authenticate?key=abcdefg",
      shippingCountry: "US",
      shippingProvince: "KY",
      shippingCity: "Shippington",
      shippingZip: "40003",
      discountCodes: null,
      cancelledAt: new Date("2022-01-01T00:00:00Z"),
      cancelReason: "customer",
      closedAt: null,
      processedAt: new Date("2022-01-01T00:00:00Z"),
      shopifyUpdatedAt: new Date("2022-01-01T00:00:00Z"),
    });
    expect(snapshot.customer).toEqual({
      id: "gid://shopify/Customer/115310627314723954",
      email: "john@example.com",
      phone: null,
      firstName: "John",
      shopifyUpdatedAt: new Date("2022-01-01T00:00:00Z"),
    });
    expect(snapshot.lineItems).toHaveLength(5);
    expect(snapshot.lineItems[0]).toEqual({
      id: "gid://shopify/LineItem/487817672276298554",
      productId: "gid://shopify/Product/788032119674292900",
      variantId: null,
      title: "Aviator sunglasses",
      variantTitle: null,
      sku: "SKU2006-001",
      vendor: null,
      quantity: 1,
      price: "89.99",
      requiresShipping: true,
    });
  });

  it("GIVEN codes used at checkout WHEN mapped THEN they are kept as a JSON list, blanks dropped, for offer targeting", () => {
    const snapshot = orderSnapshotFromWebhook(
      samplePayloadWith("orders/create", { discount_codes: [{ code: "WELCOME10", amount: "5.00", type: "fixed_amount" }, { code: "A,B" }, { code: " " }, { code: null }] }),
    );

    expect(snapshot.order.discountCodes).toBe(JSON.stringify(["WELCOME10", "A,B"]));
  });

  it("GIVEN ids beyond 2^53 in the raw body WHEN parsed losslessly and mapped THEN every digit survives", () => {
    const raw = JSON.stringify(samplePayload("orders/create")).replace(
      /"product_id":"788032119674292900"/,
      '"product_id":9007199254740993123',
    );

    const snapshot = orderSnapshotFromWebhook(parseShopifyJson(raw));

    expect(snapshot.lineItems[0]?.productId).toBe("gid://shopify/Product/9007199254740993123");
  });

  it("GIVEN an id that already lost digits to a JS number WHEN mapped THEN it is rejected rather than stored wrong", () => {
    const payload = samplePayload("orders/create");
    const [first] = payload.line_items as Record<string, unknown>[];
    first!.product_id = 2 ** 53 + 2; // what JSON.parse leaves of a larger id: not a safe integer

    expect(() => orderSnapshotFromWebhook(payload)).toThrow(/line_items\.0\.product_id: must be an exact integer/);
  });

  it("GIVEN a guest order with nulls where Shopify allows them WHEN mapped THEN it maps with null contact data", () => {
    const snapshot = orderSnapshotFromWebhook(
      samplePayloadWith("orders/create", {
        customer: null,
        shipping_address: null,
        email: null,
        contact_email: null,
        phone: "+33 6 12 34 56 78",
        customer_locale: null,
        total_price: null,
        tags: "",
        processed_at: null,
        cancelled_at: null,
        cancel_reason: null,
        fulfillment_status: "partial",
      }),
    );

    expect(snapshot.customer).toBeNull();
    expect(snapshot.order).toMatchObject({
      customerId: null,
      customerFirstName: null,
      email: null,
      phone: "+33 6 12 34 56 78",
      shippingCountry: null,
      tags: null,
      fulfillmentStatus: "partially_fulfilled",
      processedAt: new Date("2022-01-01T00:00:00Z"),
    });
  });

  it("GIVEN unicode names and titles WHEN mapped THEN they are kept exactly", () => {
    const payload = samplePayloadWith("orders/create", {
      name: "#Ü-1001 🚚",
      customer: { admin_graphql_api_id: "gid://shopify/Customer/1", first_name: "Zoë 李", email: "zoë@exämple.com", phone: null },
    });
    (payload.line_items as Record<string, unknown>[])[0]!.title = "Café crème — 東京";

    const snapshot = orderSnapshotFromWebhook(payload);

    expect(snapshot.order.name).toBe("#Ü-1001 🚚");
    expect(snapshot.order.customerFirstName).toBe("Zoë 李");
    expect(snapshot.customer?.email).toBe("zoë@exämple.com");
    expect(snapshot.lineItems[0]?.title).toBe("Café crème — 東京");
  });

  it.each([
    ["admin_graphql_api_id", /admin_graphql_api_id: is required \(must be a gid:\/\/shopify\/Order\/… id\)/],
    ["name", /name: /],
    ["updated_at", /updated_at: /],
    ["created_at", /created_at: /],
    ["line_items", /line_items: /],
  ])("GIVEN an order payload without %s WHEN mapped THEN a payload error names the field", (field, message) => {
    const attempt = () => orderSnapshotFromWebhook(samplePayloadWithout("orders/create", field));

    expect(attempt).toThrow(InvalidShopifyPayloadError);
    expect(attempt).toThrow(message);
  });

  it.each([
    ["a line item without its gid", { admin_graphql_api_id: null }, /line_items\.0\.admin_graphql_api_id/],
    ["a line item with a negative quantity", { quantity: -1 }, /line_items\.0\.quantity/],
    ["a line item without a title", { title: null }, /line_items\.0\.title/],
  ])("GIVEN %s WHEN mapped THEN a payload error names it", (_case, change, message) => {
    const payload = samplePayload("orders/create");
    const items = payload.line_items as Record<string, unknown>[];
    items[0] = { ...items[0], ...change };

    expect(() => orderSnapshotFromWebhook(payload)).toThrow(message);
  });

  it.each([["not an object", "nope"], ["null", null], ["a timestamp without offset", { updated_at: "2021-12-31 19:00" }]])(
    "GIVEN a payload that is %s WHEN mapped THEN it is rejected as invalid",
    (_case, payload) => {
      const body = typeof payload === "object" && payload ? { ...samplePayload("orders/create"), ...payload } : payload;
      expect(() => orderSnapshotFromWebhook(body)).toThrow(InvalidShopifyPayloadError);
    },
  );
});
