import { describe, expect, it } from "vitest";
import { InvalidShopifyPayloadError } from "~/orders/payload-fields";
import { samplePayload, samplePayloadWith, samplePayloadWithout } from "~/orders/__tests__/shopify-samples";
import { parseShopifyJson } from "~/webhooks/payload";
import { fulfillmentEventFromWebhook, fulfillmentSnapshotFromWebhook } from "../fulfillment-payload";

describe("fulfillmentSnapshotFromWebhook", () => {
  it.each(["fulfillments/create", "fulfillments/update"])(
    "GIVEN Shopify's sample %s payload WHEN mapped THEN the fulfillment, its line items and its parcel are keyed by gids",
    (topic) => {
      const snapshot = fulfillmentSnapshotFromWebhook(samplePayload(topic));

      expect(snapshot.fulfillment).toEqual({
        id: "gid://shopify/Fulfillment/123456",
        orderId: "gid://shopify/Order/820982911946154500",
        name: "#9999.1",
        status: "pending",
        shipmentStatus: null,
        locationId: null,
        trackingCompany: "UPS",
        service: null,
        shopifyCreatedAt: new Date("2022-01-01T00:00:00Z"),
        shopifyUpdatedAt: new Date("2022-01-01T00:00:00Z"),
      });
      expect(snapshot.lineItems[0]).toEqual({ lineItemId: "gid://shopify/LineItem/487817672276298554", quantity: 1 });
      expect(snapshot.parcels).toEqual([
        {
          trackingNumber: "1z827wk74630",
          trackingUrl: "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1z827wk74630",
          carrier: "UPS",
        },
      ]);
    },
  );

  it("GIVEN an order_id beyond 2^53 in the raw body WHEN parsed losslessly THEN the order gid is exact", () => {
    const raw = `{"admin_graphql_api_id":"gid://shopify/Fulfillment/1","order_id":9007199254740993123,"status":"success",
      "created_at":"2026-11-20T10:00:00Z","updated_at":"2026-11-20T10:00:00Z"}`;

    expect(fulfillmentSnapshotFromWebhook(parseShopifyJson(raw)).fulfillment.orderId).toBe("gid://shopify/Order/9007199254740993123");
  });

  it.each([
    ["all tracking fields null", { tracking_number: null, tracking_numbers: null, tracking_url: null, tracking_urls: null, tracking_company: null }, []],
    ["empty tracking lists", { tracking_number: null, tracking_numbers: [], tracking_url: null, tracking_urls: [] }, []],
    [
      "two numbers with their URLs",
      { tracking_numbers: ["A1", "B2"], tracking_urls: ["https://t/A1", "https://t/B2"] },
      [
        { trackingNumber: "A1", trackingUrl: "https://t/A1", carrier: "UPS" },
        { trackingNumber: "B2", trackingUrl: "https://t/B2", carrier: "UPS" },
      ],
    ],
    [
      "more numbers than URLs, blanks and a repeat",
      { tracking_numbers: ["A1", " ", null, "B2", "A1"], tracking_urls: ["https://t/A1"] },
      [
        { trackingNumber: "A1", trackingUrl: "https://t/A1", carrier: "UPS" },
        { trackingNumber: "B2", trackingUrl: null, carrier: "UPS" },
      ],
    ],
    [
      "only the singular fields (older payloads)",
      { tracking_numbers: null, tracking_urls: null, tracking_number: "Z9", tracking_url: null },
      [{ trackingNumber: "Z9", trackingUrl: null, carrier: "UPS" }],
    ],
  ])("GIVEN %s WHEN mapped THEN the parcels are %j", (_case, changes, parcels) => {
    expect(fulfillmentSnapshotFromWebhook(samplePayloadWith("fulfillments/create", changes)).parcels).toEqual(parcels);
  });

  it.each(["admin_graphql_api_id", "order_id", "status", "updated_at", "created_at"])(
    "GIVEN a fulfillment payload without %s WHEN mapped THEN a payload error names it",
    (field) => {
      const attempt = () => fulfillmentSnapshotFromWebhook(samplePayloadWithout("fulfillments/create", field));

      expect(attempt).toThrow(InvalidShopifyPayloadError);
      expect(attempt).toThrow(new RegExp(`${field}: `));
    },
  );
});

describe("fulfillmentEventFromWebhook", () => {
  it("GIVEN Shopify's sample fulfillment_events/create payload WHEN mapped THEN the event is normalised", () => {
    expect(fulfillmentEventFromWebhook(samplePayload("fulfillment_events/create"))).toEqual({
      externalId: "gid://shopify/FulfillmentEvent/1234567",
      fulfillmentId: "gid://shopify/Fulfillment/123456",
      status: "in_transit",
      happenedAt: new Date("2022-01-01T00:00:00Z"),
      message: "Item is now in transit",
      city: null,
      province: null,
      country: "CA",
      zip: null,
      estimatedDeliveryAt: null,
    });
  });

  it("GIVEN raw fulfillment and order ids beyond 2^53 WHEN parsed losslessly THEN the fulfillment gid is exact", () => {
    const raw = `{"admin_graphql_api_id":"gid://shopify/FulfillmentEvent/9007199254740993001","fulfillment_id":9007199254740993777,
      "order_id":9007199254740993123,"status":"delivered","happened_at":"2026-11-20T10:00:00+01:00","city":"Zürich"}`;

    const event = fulfillmentEventFromWebhook(parseShopifyJson(raw));

    expect(event).toMatchObject({
      externalId: "gid://shopify/FulfillmentEvent/9007199254740993001",
      fulfillmentId: "gid://shopify/Fulfillment/9007199254740993777",
      status: "delivered",
      happenedAt: new Date("2026-11-20T09:00:00Z"),
      city: "Zürich",
    });
  });

  it("GIVEN no happened_at WHEN mapped THEN the event's creation time stands in", () => {
    const event = fulfillmentEventFromWebhook(samplePayloadWith("fulfillment_events/create", { happened_at: null, created_at: "2026-11-20T10:00:00Z" }));

    expect(event.happenedAt).toEqual(new Date("2026-11-20T10:00:00Z"));
  });

  it.each([
    ["an unknown status", { status: "teleported" }, /status: unknown fulfillment event status "teleported"/],
    ["neither happened_at nor created_at", { happened_at: null, created_at: null }, /happened_at: is required/],
    ["no fulfillment_id", { fulfillment_id: null }, /fulfillment_id: /],
    ["a fulfillment_id that is not a number", { fulfillment_id: "abc" }, /fulfillment_id: must be a numeric id/],
  ])("GIVEN an event with %s WHEN mapped THEN a payload error says so", (_case, changes, message) => {
    const attempt = () => fulfillmentEventFromWebhook(samplePayloadWith("fulfillment_events/create", changes));

    expect(attempt).toThrow(InvalidShopifyPayloadError);
    expect(attempt).toThrow(message);
  });
});
