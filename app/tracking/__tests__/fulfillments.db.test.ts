import { describe, expect, it } from "vitest";
import { atomically } from "~/orders/atomically.server";
import { samplePayload } from "~/orders/__tests__/shopify-samples";
import { useTestDatabase } from "~/test/database";
import { applyFulfillmentEventWebhook } from "../fulfillment-events.server";
import { applyFulfillmentWebhook } from "../fulfillments.server";

const database = useTestDatabase();
const newShop = () => `fulfil-${Math.random().toString(36).slice(2, 10)}.myshopify.com`;
const FULFILLMENT = "gid://shopify/Fulfillment/123456";

function fulfillment(updatedAt: string, changes: Record<string, unknown> = {}) {
  return { ...samplePayload("fulfillments/update"), status: "success", updated_at: updatedAt, ...changes };
}

function event(id: number, status: string, happenedAt: string) {
  return {
    ...samplePayload("fulfillment_events/create"),
    id,
    admin_graphql_api_id: `gid://shopify/FulfillmentEvent/${id}`,
    status,
    happened_at: happenedAt,
  };
}

async function shipments(shop: string) {
  return database.get().prisma.shipment.findMany({ where: { shop }, orderBy: { trackingNumber: "asc" } });
}

describe("applyFulfillmentWebhook", () => {
  it("GIVEN a newer fulfillment version is held WHEN an older update arrives late THEN tracking and status do not regress", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await applyFulfillmentWebhook(prisma, shop, fulfillment("2026-11-22T12:00:00Z", { shipment_status: "delivered" }));

    await applyFulfillmentWebhook(
      prisma,
      shop,
      fulfillment("2026-11-21T12:00:00Z", { shipment_status: "in_transit", tracking_numbers: ["OLD1"], tracking_urls: [] }),
    );

    expect(await shipments(shop)).toEqual([
      expect.objectContaining({ trackingNumber: "1z827wk74630", status: "delivered", deliveredAt: new Date("2026-11-22T12:00:00Z") }),
    ]);
    expect(await prisma.fulfillment.findUnique({ where: { shop_id: { shop, id: FULFILLMENT } } })).toMatchObject({ shipmentStatus: "delivered" });
  });

  it("GIVEN a fulfillment without any tracking number WHEN applied THEN it is stored without a shipment, and gets one when a number is added", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    const untracked = { tracking_number: null, tracking_numbers: [], tracking_url: null, tracking_urls: [], tracking_company: null };

    await applyFulfillmentWebhook(prisma, shop, fulfillment("2026-11-20T10:00:00Z", untracked));
    await applyFulfillmentEventWebhook(prisma, shop, event(1, "in_transit", "2026-11-20T11:00:00Z"));
    expect(await prisma.fulfillment.count({ where: { shop } })).toBe(1);
    expect(await shipments(shop)).toEqual([]);

    await applyFulfillmentWebhook(prisma, shop, fulfillment("2026-11-20T12:00:00Z"));

    expect(await shipments(shop)).toEqual([expect.objectContaining({ trackingNumber: "1z827wk74630", status: "in_transit", carrier: "ups" })]);
  });

  it("GIVEN a tracking number corrected by a newer update THEN the old parcel is replaced and keeps the fulfillment's history", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await applyFulfillmentWebhook(prisma, shop, fulfillment("2026-11-20T10:00:00Z", { tracking_numbers: ["TYPO"], tracking_urls: [] }));
    await applyFulfillmentEventWebhook(prisma, shop, event(1, "carrier_picked_up", "2026-11-20T11:00:00Z"));

    await applyFulfillmentWebhook(prisma, shop, fulfillment("2026-11-20T12:00:00Z", { tracking_numbers: ["FIXED"], tracking_urls: [] }));

    expect(await shipments(shop)).toEqual([expect.objectContaining({ trackingNumber: "FIXED", status: "picked_up" })]);
  });

  it("GIVEN a delivered fulfillment WHEN Shopify cancels it THEN all its shipments are cancelled", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    const twoParcels = { tracking_numbers: ["P1", "P2"], tracking_urls: [] };
    await applyFulfillmentWebhook(prisma, shop, fulfillment("2026-11-20T10:00:00Z", twoParcels));
    await applyFulfillmentEventWebhook(prisma, shop, event(1, "delivered", "2026-11-21T10:00:00Z"));

    await applyFulfillmentWebhook(prisma, shop, fulfillment("2026-11-21T12:00:00Z", { ...twoParcels, status: "cancelled" }));

    expect((await shipments(shop)).map(({ status, statusAt, deliveredAt }) => ({ status, statusAt, deliveredAt }))).toEqual([
      { status: "cancelled", statusAt: new Date("2026-11-21T12:00:00Z"), deliveredAt: null },
      { status: "cancelled", statusAt: new Date("2026-11-21T12:00:00Z"), deliveredAt: null },
    ]);
  });

  it("GIVEN the caller's transaction (the webhook worker's) WHEN applied inside it THEN it joins it and commits with it", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();

    await atomically(prisma, (tx) => applyFulfillmentWebhook(tx, shop, fulfillment("2026-11-20T10:00:00Z")));

    expect(await shipments(shop)).toHaveLength(1);
  });
});

describe("applyFulfillmentEventWebhook", () => {
  it("GIVEN events that arrive before their fulfillment WHEN the fulfillment lands THEN the shipment ends as if they came in order", async () => {
    const prisma = database.get().prisma;
    const [early, inOrder] = [newShop(), newShop()];
    const events = [event(1, "in_transit", "2026-11-21T08:00:00Z"), event(2, "delivered", "2026-11-22T09:30:00Z")];

    for (const payload of events) await applyFulfillmentEventWebhook(prisma, early, payload);
    await applyFulfillmentWebhook(prisma, early, fulfillment("2026-11-20T10:00:00Z"));
    await applyFulfillmentWebhook(prisma, inOrder, fulfillment("2026-11-20T10:00:00Z"));
    for (const payload of events) await applyFulfillmentEventWebhook(prisma, inOrder, payload);

    const [earlyShipment] = await shipments(early);
    const [orderedShipment] = await shipments(inOrder);
    expect(earlyShipment).toMatchObject({ status: "delivered", deliveredAt: new Date("2026-11-22T09:30:00Z"), lastEventAt: new Date("2026-11-22T09:30:00Z") });
    expect({ ...earlyShipment, id: "", shop: "", createdAt: null, updatedAt: null }).toEqual({ ...orderedShipment, id: "", shop: "", createdAt: null, updatedAt: null });
  });

  it.each([
    ["an older in_transit after out_for_delivery", "out_for_delivery", "in_transit", "out_for_delivery"],
    ["an older out_for_delivery after delivered", "delivered", "out_for_delivery", "delivered"],
    ["an older exception after attempted_delivery", "attempted_delivery", "failure", "attempted_delivery"],
  ])("GIVEN %s WHEN the late event arrives THEN the status does not regress", async (_case, newer, older, expected) => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await applyFulfillmentWebhook(prisma, shop, fulfillment("2026-11-20T10:00:00Z"));
    await applyFulfillmentEventWebhook(prisma, shop, event(2, newer, "2026-11-21T12:00:00Z"));

    await applyFulfillmentEventWebhook(prisma, shop, event(1, older, "2026-11-21T09:00:00Z"));

    expect(await shipments(shop)).toEqual([expect.objectContaining({ status: expected, statusAt: new Date("2026-11-21T12:00:00Z") })]);
    expect(await prisma.trackingEvent.count({ where: { shop } })).toBe(2);
  });

  it("GIVEN a fulfillment and its events processed by concurrent workers WHEN all commit THEN the shipment counts every event", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    const events = [
      event(1, "carrier_picked_up", "2026-11-20T11:00:00Z"),
      event(2, "in_transit", "2026-11-21T08:00:00Z"),
      event(3, "out_for_delivery", "2026-11-22T07:00:00Z"),
    ];

    await Promise.all([
      ...events.map((payload) => applyFulfillmentEventWebhook(prisma, shop, payload)),
      applyFulfillmentWebhook(prisma, shop, fulfillment("2026-11-20T10:00:00Z")),
    ]);

    expect(await shipments(shop)).toEqual([
      expect.objectContaining({ status: "out_for_delivery", lastEventAt: new Date("2026-11-22T07:00:00Z") }),
    ]);
  });

  it("GIVEN an event redelivered three times WHEN applied THEN it is stored once", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await applyFulfillmentWebhook(prisma, shop, fulfillment("2026-11-20T10:00:00Z"));

    for (let i = 0; i < 3; i++) await applyFulfillmentEventWebhook(prisma, shop, event(7, "in_transit", "2026-11-21T12:00:00Z"));

    expect(await prisma.trackingEvent.findMany({ where: { shop } })).toEqual([
      expect.objectContaining({ source: "shopify", externalId: "gid://shopify/FulfillmentEvent/7", fulfillmentId: FULFILLMENT, shipmentId: null }),
    ]);
  });

  it("GIVEN two shops with the same fulfillment and event ids WHEN one shop's parcel is delivered THEN the other's is untouched", async () => {
    const prisma = database.get().prisma;
    const [delivered, waiting] = [newShop(), newShop()];
    await applyFulfillmentWebhook(prisma, delivered, fulfillment("2026-11-20T10:00:00Z"));
    await applyFulfillmentWebhook(prisma, waiting, fulfillment("2026-11-20T10:00:00Z"));

    await applyFulfillmentEventWebhook(prisma, delivered, event(9, "delivered", "2026-11-21T12:00:00Z"));

    expect(await shipments(delivered)).toEqual([expect.objectContaining({ status: "delivered" })]);
    expect(await shipments(waiting)).toEqual([expect.objectContaining({ status: "label_created" })]);
    expect(await prisma.trackingEvent.count({ where: { shop: waiting } })).toBe(0);
  });
});
