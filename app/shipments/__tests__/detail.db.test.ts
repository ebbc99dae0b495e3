import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { getShipmentDetail } from "../detail.server";
import { getCustomerOrderStatus } from "../order-status.server";
import { ALPHA, at, BETA, seedEvent, seedFulfillment, seedOrder, seedShipment } from "./fixtures";

const database = useTestDatabase();
const CUSTOMER = "gid://shopify/Customer/7";
const OTHER_CUSTOMER = "gid://shopify/Customer/8";
const BETA_CUSTOMER = "gid://shopify/Customer/9";
let orderId = "";
let first = "";
let second = "";

let betaShipment = "";

// A split order: fulfillment 1 with two tracking numbers (Shopify's events cover both), fulfillment 2 with one.
beforeAll(async () => {
  const client = database.get().prisma;
  orderId = await seedOrder(client, ALPHA, 2001, { customerId: CUSTOMER });
  const boots = await seedFulfillment(client, ALPHA, orderId, 21, [{ lineItem: 1, title: "Trail boots", variantTitle: "42 / Brown", quantity: 1 }]);
  const tent = await seedFulfillment(client, ALPHA, orderId, 22, [{ lineItem: 2, title: "Tent", quantity: 2 }]);
  first = await seedShipment(client, ALPHA, { orderId, fulfillmentId: boots, trackingNumber: "1Z-A", status: "in_transit", statusAt: at("2026-03-03T08:00:00Z"), trackingUrl: "https://carrier.example/1Z-A" });
  second = await seedShipment(client, ALPHA, { orderId, fulfillmentId: boots, trackingNumber: "1Z-B", status: "out_for_delivery", statusAt: at("2026-03-04T07:00:00Z") });
  await seedShipment(client, ALPHA, { orderId, fulfillmentId: tent, trackingNumber: "RR123456785GB", carrier: "Royal Mail", status: "delivered", statusAt: at("2026-03-05T09:00:00Z"), deliveredAt: at("2026-03-05T09:00:00Z") });
  await seedEvent(client, ALPHA, { fulfillmentId: boots, status: "picked_up", happenedAt: at("2026-03-02T12:00:00Z"), message: "Picked up", city: "Louisville", country: "US" });
  await seedEvent(client, ALPHA, { fulfillmentId: boots, status: "in_transit", happenedAt: at("2026-03-03T08:00:00Z"), message: "<b>Departed</b>" });
  await seedEvent(client, ALPHA, { shipmentId: second, fulfillmentId: boots, source: "easypost", status: "out_for_delivery", happenedAt: at("2026-03-04T07:00:00Z") });
  // Late and older than the state: it is on the timeline but changes no status.
  await seedEvent(client, ALPHA, { shipmentId: first, fulfillmentId: boots, source: "easypost", status: "label_created", happenedAt: at("2026-03-02T11:00:00Z") });
  await seedEvent(client, ALPHA, { fulfillmentId: tent, status: "delivered", happenedAt: at("2026-03-05T09:00:00Z") });
  // The same order gid exists in shop B, placed by another customer there.
  const betaOrder = await seedOrder(client, BETA, 2001, { customerId: BETA_CUSTOMER });
  const betaFulfillment = await seedFulfillment(client, BETA, betaOrder, 21);
  betaShipment = await seedShipment(client, BETA, { orderId: betaOrder, fulfillmentId: betaFulfillment, trackingNumber: "BETA-1" });
});

describe("getShipmentDetail", () => {
  it("GIVEN a parcel of a split fulfillment WHEN its detail is read THEN its timeline is its own scans and its fulfillment's events, never a sibling's scans", async () => {
    const detail = await getShipmentDetail(database.get().prisma, ALPHA, first);

    expect(detail.timeline.map((event) => [event.source, event.status])).toEqual([
      ["shopify", "in_transit"],
      ["shopify", "picked_up"],
      ["easypost", "label_created"],
    ]);
    expect(detail.order).toMatchObject({ id: orderId, name: "#2001" });
    expect(detail.items).toEqual([{ lineItemId: "gid://shopify/LineItem/1", title: "Trail boots", variantTitle: "42 / Brown", sku: null, quantity: 1 }]);
    expect(detail.siblings.map((sibling) => sibling.trackingNumber).sort()).toEqual(["1Z-B", "RR123456785GB"]);
    expect(detail.shipment.trackingUrl).toBe("https://carrier.example/1Z-A");
  });

  it("GIVEN events that arrived out of order WHEN the status history is read THEN it lists only real changes, oldest first", async () => {
    const detail = await getShipmentDetail(database.get().prisma, ALPHA, first);

    expect(detail.history.map((change) => change.status)).toEqual(["label_created", "picked_up", "in_transit"]);
  });

  it.each([
    ["another shop's parcel id", () => betaShipment],
    ["an unknown id", () => "no-such-shipment"],
  ])("GIVEN %s WHEN shop A reads it THEN it is not found", async (_, id) => {
    await expect(getShipmentDetail(database.get().prisma, ALPHA, id())).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getCustomerOrderStatus", () => {
  it("GIVEN the customer's split order WHEN the block asks for it THEN every parcel comes with its status, items and newest-first timeline", async () => {
    const view = await getCustomerOrderStatus(database.get().prisma, { shop: ALPHA, customerId: CUSTOMER, orderId });

    expect(view.order).toEqual({ id: orderId, name: "#2001", cancelled: false, promise: null });
    expect(view.parcels.map((parcel) => [parcel.trackingNumber, parcel.status, parcel.items.map((item) => `${item.quantity}× ${item.title}`)])).toEqual([
      ["1Z-A", "in_transit", ["1× Trail boots"]],
      ["1Z-B", "out_for_delivery", ["1× Trail boots"]],
      ["RR123456785GB", "delivered", ["2× Tent"]],
    ]);
    const firstParcel = view.parcels[0]!;
    expect(firstParcel.events).toEqual([
      { status: "in_transit", happenedAt: "2026-03-03T08:00:00.000Z", message: "<b>Departed</b>", location: null },
      { status: "picked_up", happenedAt: "2026-03-02T12:00:00.000Z", message: "Picked up", location: "Louisville, US" },
      { status: "label_created", happenedAt: "2026-03-02T11:00:00.000Z", message: null, location: null },
    ]);
    expect(view.parcels[2]!.deliveredAt).toBe("2026-03-05T09:00:00.000Z");
  });

  it.each([
    ["another customer of the same shop", { shop: ALPHA, customerId: OTHER_CUSTOMER }],
    ["the same customer id in another shop", { shop: BETA, customerId: CUSTOMER }],
  ])("GIVEN %s WHEN they ask for the order THEN it is not found", async (_, who) => {
    const asking = getCustomerOrderStatus(database.get().prisma, { ...who, orderId });

    await expect(asking).rejects.toBeInstanceOf(NotFoundError);
  });

  it("GIVEN the same order gid in shop B WHEN shop B's customer asks THEN only shop B's parcel comes back", async () => {
    const view = await getCustomerOrderStatus(database.get().prisma, { shop: BETA, customerId: BETA_CUSTOMER, orderId });

    expect(view.parcels.map((parcel) => parcel.trackingNumber)).toEqual(["BETA-1"]);
  });
});
