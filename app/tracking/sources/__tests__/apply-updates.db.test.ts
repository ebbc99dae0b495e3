import { describe, expect, it } from "vitest";
import { samplePayload } from "~/orders/__tests__/shopify-samples";
import { DELIVERY_PROMISES_JOB } from "~/delivery-estimates/live/refresh-job.server";
import { useTestDatabase } from "~/test/database";
import { applyFulfillmentEventWebhook } from "../../fulfillment-events.server";
import { applyFulfillmentWebhook } from "../../fulfillments.server";
import { applyTrackingUpdates } from "../apply-updates.server";
import type { CarrierEvent, TrackingUpdate } from "../carrier-update-source";

const database = useTestDatabase();
const newShop = () => `sources-${Math.random().toString(36).slice(2, 10)}.myshopify.com`;
const FIRST_PARCEL = "9400111201080805483016";
const SECOND_PARCEL = "9400111201080805483023";

/** A delivered order with one fulfillment of two USPS parcels; Shopify wrote the first number with spaces. */
async function twoParcelFulfillment(shop: string) {
  await applyFulfillmentWebhook(database.get().prisma, shop, {
    ...samplePayload("fulfillments/update"),
    status: "success",
    tracking_company: "USPS",
    tracking_numbers: ["9400 1112 0108 0805 4830 16", SECOND_PARCEL],
    tracking_url: null,
    tracking_urls: [],
    created_at: "2026-11-20T08:00:00Z",
    updated_at: "2026-11-20T08:00:00Z",
  });
}

const carrierEvent = (id: string, status: CarrierEvent["status"], at: string, estimate: string | null = null): CarrierEvent => ({
  externalId: id,
  status,
  happenedAt: new Date(at),
  message: `${status} scan`,
  city: "Memphis",
  province: "TN",
  country: "US",
  zip: null,
  estimatedDeliveryAt: estimate ? new Date(estimate) : null,
});

const parcelUpdate = (trackingNumber: string, events: CarrierEvent[]): TrackingUpdate => ({ source: "easypost", target: { trackingNumber }, events });

async function parcels(shop: string) {
  const shipments = await database.get().prisma.shipment.findMany({ where: { shop }, orderBy: { trackingNumber: "asc" } });
  return Object.fromEntries(shipments.map((shipment) => [shipment.trackingKey, shipment]));
}

describe("applyTrackingUpdates", () => {
  it("GIVEN a split fulfillment WHEN a carrier reports on one parcel THEN only that parcel moves, and Shopify's fulfillment-wide events still reach both", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await twoParcelFulfillment(shop);
    await applyFulfillmentEventWebhook(prisma, shop, {
      ...samplePayload("fulfillment_events/create"),
      status: "in_transit",
      happened_at: "2026-11-20T12:00:00Z",
    });

    const outcome = await applyTrackingUpdates(prisma, shop, [
      parcelUpdate(FIRST_PARCEL, [carrierEvent("a1", "out_for_delivery", "2026-11-21T07:00:00Z", "2026-11-21T18:00:00Z")]),
    ]);

    expect(outcome).toEqual({ events: 1, unmatchedTrackingNumbers: [] });
    const { [FIRST_PARCEL]: first, [SECOND_PARCEL]: second } = await parcels(shop);
    expect(first).toMatchObject({ status: "out_for_delivery", estimatedDeliveryAt: new Date("2026-11-21T18:00:00Z"), lastEventAt: new Date("2026-11-21T07:00:00Z") });
    expect(second).toMatchObject({ status: "in_transit", estimatedDeliveryAt: null, lastEventAt: new Date("2026-11-20T12:00:00Z") });
    expect(await prisma.trackingEvent.findMany({ where: { shop, source: "easypost" } })).toEqual([
      expect.objectContaining({ shipmentId: first!.id, fulfillmentId: null, externalId: `a1@${first!.fulfillmentId}` }),
    ]);
  });

  it("GIVEN a parcel's history WHEN an older delivery arrives late and then everything is replayed THEN the state and the rows are unchanged", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await twoParcelFulfillment(shop);
    const journey = [
      carrierEvent("p1", "picked_up", "2026-11-20T10:00:00Z", "2026-11-24T18:00:00Z"),
      carrierEvent("p2", "in_transit", "2026-11-21T10:00:00Z"),
      carrierEvent("p3", "delivered", "2026-11-22T10:00:00Z", "2026-11-22T18:00:00Z"),
    ];
    await applyTrackingUpdates(prisma, shop, [parcelUpdate(FIRST_PARCEL, journey)]);
    const settled = await parcels(shop);

    await applyTrackingUpdates(prisma, shop, [parcelUpdate(FIRST_PARCEL, journey.slice(0, 1))]);
    await applyTrackingUpdates(prisma, shop, [parcelUpdate(FIRST_PARCEL, [...journey].reverse())]);

    const after = await parcels(shop);
    expect(after[FIRST_PARCEL]).toMatchObject({ status: "delivered", deliveredAt: new Date("2026-11-22T10:00:00Z"), estimatedDeliveryAt: new Date("2026-11-22T18:00:00Z") });
    expect({ ...after[FIRST_PARCEL], updatedAt: null }).toEqual({ ...settled[FIRST_PARCEL], updatedAt: null });
    expect(await prisma.trackingEvent.count({ where: { shop } })).toBe(3);
  });

  it("GIVEN one event reported twice in one call, the second time changed WHEN applied THEN one row holds the later report", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await twoParcelFulfillment(shop);
    const first = carrierEvent("r1", "in_transit", "2026-11-21T10:00:00Z");

    await applyTrackingUpdates(prisma, shop, [parcelUpdate(FIRST_PARCEL, [first]), parcelUpdate(FIRST_PARCEL, [{ ...first, message: "in_transit scan, corrected" }])]);

    expect(await prisma.trackingEvent.findMany({ where: { shop } })).toEqual([expect.objectContaining({ message: "in_transit scan, corrected" })]);
  });

  it("GIVEN a history longer than one statement's rows WHEN applied THEN every event is stored and the newest decides the state", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await twoParcelFulfillment(shop);
    const history = Array.from({ length: 450 }, (_, index) =>
      carrierEvent(`h${index}`, index === 449 ? "delivered" : "in_transit", new Date(Date.UTC(2026, 10, 21) + index * 60_000).toISOString()),
    );

    const outcome = await applyTrackingUpdates(prisma, shop, [parcelUpdate(FIRST_PARCEL, history)]);

    expect(outcome.events).toBe(450);
    expect(await prisma.trackingEvent.count({ where: { shop } })).toBe(450);
    expect((await parcels(shop))[FIRST_PARCEL]).toMatchObject({ status: "delivered", deliveredAt: history[449]!.happenedAt });
  });

  it("GIVEN both parcels of an order WHEN one update moves both THEN the order's delivery promises are refreshed by one job", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await twoParcelFulfillment(shop);
    const refreshJobs = () => prisma.job.count({ where: { shop, name: DELIVERY_PROMISES_JOB } });
    const before = await refreshJobs();

    await applyTrackingUpdates(prisma, shop, [
      parcelUpdate(FIRST_PARCEL, [carrierEvent("b1", "in_transit", "2026-11-21T10:00:00Z")]),
      parcelUpdate(SECOND_PARCEL, [carrierEvent("b2", "in_transit", "2026-11-21T11:00:00Z")]),
    ]);

    expect(await prisma.shipment.findMany({ where: { shop }, select: { status: true } })).toEqual([{ status: "in_transit" }, { status: "in_transit" }]);
    expect((await refreshJobs()) - before).toBe(1);
  });

  it("GIVEN a tracking number no shipment of the shop carries WHEN reported THEN it is handed back and nothing is stored", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();
    await twoParcelFulfillment(shop);

    const outcome = await applyTrackingUpdates(prisma, shop, [
      parcelUpdate("1Z5R89390357567127", [carrierEvent("u1", "in_transit", "2026-11-21T10:00:00Z")]),
      parcelUpdate("<script>", [carrierEvent("u2", "in_transit", "2026-11-21T10:00:00Z")]),
    ]);

    expect(outcome).toEqual({ events: 0, unmatchedTrackingNumbers: ["1Z5R89390357567127", "<script>"] });
    expect(await prisma.trackingEvent.count({ where: { shop } })).toBe(0);
  });

  it("GIVEN two shops shipping the same tracking number WHEN one shop's carrier reports THEN the other shop's parcel is untouched", async () => {
    const prisma = database.get().prisma;
    const [reported, other] = [newShop(), newShop()];
    await twoParcelFulfillment(reported);
    await twoParcelFulfillment(other);

    await applyTrackingUpdates(prisma, reported, [parcelUpdate(FIRST_PARCEL, [carrierEvent("d1", "delivered", "2026-11-22T10:00:00Z")])]);

    expect((await parcels(reported))[FIRST_PARCEL]).toMatchObject({ status: "delivered" });
    expect((await parcels(other))[FIRST_PARCEL]).toMatchObject({ status: "label_created" });
    expect(await prisma.trackingEvent.count({ where: { shop: other } })).toBe(0);
  });

  it("GIVEN parcels synced from Shopify WHEN their carrier is known from the number THEN id, service and link are stored", async () => {
    const shop = newShop();

    await twoParcelFulfillment(shop);

    expect((await parcels(shop))[FIRST_PARCEL]).toMatchObject({
      trackingNumber: "9400 1112 0108 0805 4830 16",
      trackingKey: FIRST_PARCEL,
      carrier: "usps",
      trackingUrl: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${FIRST_PARCEL}`,
    });
  });
});
