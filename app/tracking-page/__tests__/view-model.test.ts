import { describe, expect, it } from "vitest";
import { estimatedDelivery } from "../estimated-delivery";
import { buildOrderView, safeHttpUrl, type OrderPageRows } from "../view-model";

const t = (iso: string) => new Date(iso);
const fulfillment = (id: string, overrides: Partial<OrderPageRows["fulfillments"][number]> = {}) => ({
  id,
  status: "success",
  shipmentStatus: null,
  trackingCompany: null,
  estimatedDeliveryAt: null,
  shopifyCreatedAt: t("2026-11-20T10:00:00Z"),
  shopifyUpdatedAt: t("2026-11-20T10:00:00Z"),
  ...overrides,
});
const shipment = (id: string, fulfillmentId: string, trackingNumber: string, status: string) => ({
  id,
  fulfillmentId,
  trackingNumber,
  trackingUrl: null,
  carrier: "DHL",
  service: null,
  status,
  statusAt: t("2026-11-20T10:00:00Z"),
  estimatedDeliveryAt: null,
  deliveredAt: null,
  shippedAt: null,
});
const event = (id: string, where: { shipmentId?: string; fulfillmentId?: string }, status: string, iso: string) => ({
  id,
  shipmentId: where.shipmentId ?? null,
  fulfillmentId: where.fulfillmentId ?? null,
  status,
  happenedAt: t(iso),
  message: id,
  city: "Berlin",
  province: null,
  country: "DE",
});

function rows(overrides: Partial<OrderPageRows> = {}): OrderPageRows {
  return {
    order: { id: "gid://shopify/Order/1", name: "#1001", locale: null, cancelledAt: null, processedAt: t("2026-11-19T10:00:00Z"), shippingCountry: null },
    lineItems: [
      { id: "L1", productId: "P1", title: "Kettle", variantTitle: null, quantity: 1, requiresShipping: true },
      { id: "L2", productId: "P2", title: "Cups", variantTitle: "Blue", quantity: 4, requiresShipping: true },
      { id: "L3", productId: "P2", title: "Gift card", variantTitle: null, quantity: 1, requiresShipping: false },
    ],
    fulfillments: [],
    fulfillmentLineItems: [],
    shipments: [],
    events: [],
    ...overrides,
  };
}

describe("buildOrderView", () => {
  it("GIVEN nothing shipped WHEN viewed THEN every shippable item is being prepared and the product ids are distinct", () => {
    const view = buildOrderView(rows());

    expect(view.parcels).toEqual([]);
    expect(view.unfulfilled.map((item) => `${item.title}×${item.quantity}`)).toEqual(["Kettle×1", "Cups×4"]);
    expect(view.productIds).toEqual(["P1", "P2"]);
  });

  it("GIVEN a split order WHEN viewed THEN each parcel carries its fulfillment's items and events plus only its own scans", () => {
    const view = buildOrderView(
      rows({
        fulfillments: [fulfillment("F1"), fulfillment("F2", { shopifyCreatedAt: t("2026-11-21T10:00:00Z") })],
        fulfillmentLineItems: [
          { fulfillmentId: "F1", lineItemId: "L1", quantity: 1 },
          { fulfillmentId: "F2", lineItemId: "L2", quantity: 3 },
        ],
        shipments: [shipment("S2", "F1", "B", "in_transit"), shipment("S1", "F1", "A", "delivered"), shipment("S3", "F2", "C", "label_created")],
        events: [
          event("fulfillment-wide", { fulfillmentId: "F1" }, "label_created", "2026-11-20T11:00:00Z"),
          event("scan-of-A", { shipmentId: "S1", fulfillmentId: "F1" }, "delivered", "2026-11-22T11:00:00Z"),
          event("scan-of-B", { shipmentId: "S2" }, "in_transit", "2026-11-21T11:00:00Z"),
        ],
      }),
    );

    expect(view.parcels.map((parcel) => [parcel.trackingNumber, parcel.status, parcel.parcelsForItems])).toEqual([
      ["A", "delivered", 2],
      ["B", "in_transit", 2],
      ["C", "label_created", 1],
    ]);
    expect(view.parcels.map((parcel) => parcel.events.map((e) => e.message))).toEqual([["scan-of-A", "fulfillment-wide"], ["scan-of-B", "fulfillment-wide"], []]);
    expect(view.parcels[0]!.items).toEqual([{ title: "Kettle", variantTitle: null, quantity: 1 }]);
    expect(view.parcels[2]!.items).toEqual([{ title: "Cups", variantTitle: "Blue", quantity: 3 }]);
    expect(view.parcels[0]!.events[0]!.location).toBe("Berlin, DE");
    expect(view.unfulfilled).toEqual([{ title: "Cups", variantTitle: "Blue", quantity: 1 }]);
  });

  it("GIVEN a cancelled fulfillment WHEN viewed THEN its parcel is hidden and its items are being prepared again", () => {
    const view = buildOrderView(
      rows({
        fulfillments: [fulfillment("F1", { status: "cancelled" })],
        fulfillmentLineItems: [{ fulfillmentId: "F1", lineItemId: "L1", quantity: 1 }],
        shipments: [shipment("S1", "F1", "A", "cancelled")],
      }),
    );

    expect(view.parcels).toEqual([]);
    expect(view.unfulfilled.map((item) => item.title)).toEqual(["Kettle", "Cups"]);
  });

  it("GIVEN a fulfillment shipped without tracking WHEN viewed THEN it is a parcel whose status folds its events", () => {
    const view = buildOrderView(
      rows({
        fulfillments: [fulfillment("F1", { trackingCompany: "Local courier" })],
        fulfillmentLineItems: [{ fulfillmentId: "F1", lineItemId: "L1", quantity: 1 }],
        events: [
          event("late in-transit", { fulfillmentId: "F1" }, "in_transit", "2026-11-21T09:00:00Z"),
          event("delivered", { fulfillmentId: "F1" }, "delivered", "2026-11-22T09:00:00Z"),
        ],
      }),
    );

    expect(view.parcels).toHaveLength(1);
    expect(view.parcels[0]).toMatchObject({ trackingNumber: null, carrier: "Local courier", status: "delivered", deliveredAt: t("2026-11-22T09:00:00Z") });
  });

  it("GIVEN a cancelled order WHEN viewed THEN nothing is being prepared", () => {
    expect(buildOrderView(rows({ order: { ...rows().order, cancelledAt: t("2026-11-19T12:00:00Z") } }))).toMatchObject({ cancelled: true, unfulfilled: [] });
  });
});

describe("estimatedDelivery", () => {
  const at = t("2026-11-25T12:00:00Z");
  it.each([
    ["in_transit", at, { at, source: "carrier" }],
    ["out_for_delivery", at, { at, source: "carrier" }],
    ["in_transit", null, null],
    ["delivered", at, null],
    ["returned_to_sender", at, null],
    ["cancelled", at, null],
  ])("GIVEN a %s parcel with estimate %s WHEN asked THEN the estimate is %j", (status, estimatedDeliveryAt, expected) => {
    expect(estimatedDelivery({ status, estimatedDeliveryAt })).toEqual(expected);
  });
});

describe("safeHttpUrl", () => {
  it.each([
    ["https://carrier.example/t?n=1", "https://carrier.example/t?n=1"],
    ["http://carrier.example/", "http://carrier.example/"],
    ["javascript:alert(1)", null],
    ["data:text/html,hi", null],
    ["//evil.example", null],
    ["", null],
  ])("GIVEN %j WHEN made safe THEN it is %j", (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});
