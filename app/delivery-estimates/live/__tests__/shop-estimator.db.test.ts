import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import type { ShipmentFacts } from "../../schemas";
import { refreshOrderPromises } from "../promises.server";
import { forgetShopEstimators, rebuildAfterMs, shopEstimator } from "../shop-estimator.server";
import { addWeekdays, freshShop, seedParcel, weekdayNoons } from "./history-fixture";

const database = useTestDatabase();
const prisma = () => database.get().prisma;

afterEach(() => forgetShopEstimators());

const NOW = new Date("2026-07-15T09:00:00Z"); // a Wednesday
const facts: ShipmentFacts = { originId: "gid://shopify/Location/1", origin: { country: "DE" }, destination: { country: "DE", region: "BE", postalCode: "10115" }, carrier: "dhl" };

/** June 2026 (no German public holiday): parcels handed off the next weekday and delivered one weekday later, stored as history. */
async function seedFastHistory(shop: string, count = 25) {
  for (const placedAt of weekdayNoons("2026-06-01", count)) {
    const handedOffAt = addWeekdays(placedAt, 1);
    const { orderId } = await seedParcel(prisma(), shop, { placedAt, handedOffAt, deliveredAt: addWeekdays(handedOffAt, 1) });
    await refreshOrderPromises(prisma(), shop, orderId, { now: addWeekdays(handedOffAt, 1) });
  }
}

async function rebuilt(shop: string) {
  forgetShopEstimators(shop);
  return shopEstimator(prisma(), shop, NOW);
}

describe("shopEstimator", () => {
  it("GIVEN a shop's delivered history WHEN its estimator is rebuilt THEN the replayed promises calibrate the next ones", async () => {
    const shop = freshShop();
    await seedFastHistory(shop);

    const estimate = (await rebuilt(shop)).promise({ stage: "handoff", facts, handedOffAt: NOW });

    expect(estimate.explanation.calibration.settledPromises).toBeGreaterThan(20);
  });

  it("GIVEN parcels handed off a week ago and still not delivered WHEN the estimator is rebuilt THEN hand-off promises lengthen before any of them lands", async () => {
    const shop = freshShop();
    await seedFastHistory(shop);
    const calm = (await rebuilt(shop)).promise({ stage: "handoff", facts, handedOffAt: NOW });

    for (const placedAt of weekdayNoons("2026-07-03", 6)) await seedParcel(prisma(), shop, { placedAt, handedOffAt: addWeekdays(placedAt, 1) });
    const backlog = (await rebuilt(shop)).promise({ stage: "handoff", facts, handedOffAt: NOW });

    expect(backlog.explanation.workingDays).toBeGreaterThan(calm.explanation.workingDays);
  });

  it("GIVEN orders placed a week ago and still not shipped WHEN the estimator is rebuilt THEN their handling counts as under way and slow", async () => {
    const shop = freshShop();
    await seedFastHistory(shop);
    const calm = (await rebuilt(shop)).promise({ stage: "purchase", facts, placedAt: NOW });

    for (const placedAt of weekdayNoons("2026-07-03", 6)) await seedParcel(prisma(), shop, { placedAt });
    const backlog = (await rebuilt(shop)).promise({ stage: "purchase", facts, placedAt: NOW });

    const [calmAll, backlogAll] = [calm, backlog].map((estimate) => estimate.explanation.handling!.basis.find((level) => level.key === "*")!);
    expect(backlogAll!.shipments).toBe(calmAll!.shipments + 6);
    expect(backlog.explanation.handling!.conditionsFactor).toBeGreaterThan(calm.explanation.handling!.conditionsFactor + 0.2);
    expect(backlog.explanation.handling!.meanWorkingDays).toBeGreaterThan(calm.explanation.handling!.meanWorkingDays);
  });

  it("GIVEN a parcel the estimator holds in flight WHEN its delivery lands THEN it learns what a rebuild would: its handling counts once", async () => {
    const shop = freshShop();
    await seedFastHistory(shop);
    const placedAt = new Date("2026-07-13T12:00:00Z");
    const { orderId } = await seedParcel(prisma(), shop, { placedAt, handedOffAt: addWeekdays(placedAt, 1), deliveredAt: NOW, status: "delivered" });
    // The parcel was still in flight when this process built its estimator…
    await prisma().shipment.updateMany({ where: { shop, orderId }, data: { status: "in_transit", deliveredAt: null } });
    const held = await rebuilt(shop);
    held.promise({ stage: "purchase", facts, placedAt: NOW });
    await prisma().shipment.updateMany({ where: { shop, orderId }, data: { status: "delivered", deliveredAt: NOW } });
    // …then it landed: the refresh stores it, and the held estimator is fed its delivery.
    await refreshOrderPromises(prisma(), shop, orderId, { now: NOW });
    const learned = (await shopEstimator(prisma(), shop, NOW)).promise({ stage: "purchase", facts, placedAt: NOW });
    expect(await shopEstimator(prisma(), shop, NOW)).toBe(held);

    const fresh = (await rebuilt(shop)).promise({ stage: "purchase", facts, placedAt: NOW });

    expect(learned.explanation.handling!.basis.map((level) => level.weightedShipments)).toEqual(fresh.explanation.handling!.basis.map((level) => level.weightedShipments));
  });

  it("GIVEN a delivery more than a year old WHEN the estimator is rebuilt THEN it is not replayed", async () => {
    const shop = freshShop();
    await seedFastHistory(shop, 5);
    const placedAt = new Date("2025-06-02T12:00:00Z");
    const { orderId } = await seedParcel(prisma(), shop, { placedAt, handedOffAt: addWeekdays(placedAt, 1), deliveredAt: addWeekdays(placedAt, 2) });
    await refreshOrderPromises(prisma(), shop, orderId, { now: NOW });
    expect(await prisma().deliveryObservation.count({ where: { shop } })).toBe(6);

    const estimate = (await rebuilt(shop)).promise({ stage: "handoff", facts, handedOffAt: NOW });

    expect(estimate.explanation.transit!.basis.find((level) => level.key === "*")!.shipments).toBe(5);
  });

  it.each([
    { rebuildMs: 50, servesMs: 15 * 60_000 },
    { rebuildMs: 30_000, servesMs: 50 * 60_000 },
    { rebuildMs: 3_600_000, servesMs: 12 * 3_600_000 },
  ])("GIVEN a rebuild that took $rebuildMs ms WHEN deciding how long it serves THEN it is $servesMs ms (15 minutes at least, 100× its cost, 12 hours at most)", ({ rebuildMs, servesMs }) => {
    expect(rebuildAfterMs(rebuildMs)).toBe(servesMs);
  });
});
