import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { predictedLate } from "../order-promises";
import { readOrderPromises, readPromisesOfOrder, refreshOrderPromises } from "../promises.server";
import { forgetShopEstimators, shopEstimator } from "../shop-estimator.server";
import { addWeekdays, freshShop, moveParcel, seedParcel, weekdayNoons } from "./history-fixture";

const database = useTestDatabase();
const prisma = () => database.get().prisma;

afterEach(() => forgetShopEstimators());

/** June 2026 has no German public holiday: 25 orders, each handed off the next weekday and delivered one weekday later. */
async function seedFastHistory(shop: string, count = 25) {
  for (const placedAt of weekdayNoons("2026-06-01", count)) {
    const handedOffAt = addWeekdays(placedAt, 1);
    const { orderId } = await seedParcel(prisma(), shop, { placedAt, handedOffAt, deliveredAt: addWeekdays(handedOffAt, 1) });
    await refreshOrderPromises(prisma(), shop, orderId, { now: addWeekdays(handedOffAt, 1) });
  }
}

const NOW = new Date("2026-07-15T09:00:00Z"); // a Wednesday

describe("refreshOrderPromises", () => {
  it("GIVEN a shop with no history WHEN an unshipped order is refreshed THEN a purchase promise from the carrier defaults is stored, with its explanation", async () => {
    const shop = freshShop();
    const { orderId } = await seedParcel(prisma(), shop, { placedAt: NOW });

    await expect(refreshOrderPromises(prisma(), shop, orderId, { now: NOW })).resolves.toEqual({ learned: 0, made: 1 });

    const [row] = await prisma().deliveryPromise.findMany({ where: { shop, orderId } });
    expect(row).toMatchObject({ stage: "purchase", basisKey: "purchase", shipmentId: null, madeAt: NOW });
    expect(row!.promisedDate > "2026-07-15").toBe(true);
    expect(row!.earliestDate <= row!.promisedDate).toBe(true);
    const explanation = JSON.parse(row!.explanation);
    expect(explanation.transit.decidingSegment).toBe("default");
    expect(explanation.summary).toContain(`Promised ${row!.promisedDate}`);
  });

  it("GIVEN a stored promise WHEN the order is refreshed again later THEN nothing new is stored and the shown promise is unchanged", async () => {
    const shop = freshShop();
    const { orderId } = await seedParcel(prisma(), shop, { placedAt: NOW });
    await refreshOrderPromises(prisma(), shop, orderId, { now: NOW });
    const before = (await readPromisesOfOrder(prisma(), shop, orderId)).currentFor(null);

    await expect(refreshOrderPromises(prisma(), shop, orderId, { now: new Date(NOW.getTime() + 3 * 86_400_000) })).resolves.toEqual({ learned: 0, made: 0 });
    expect((await readPromisesOfOrder(prisma(), shop, orderId)).currentFor(null)).toEqual(before);
  });

  it("GIVEN delivered parcels WHEN their orders are refreshed THEN each joins the shop's history once, without the address", async () => {
    const shop = freshShop();
    const placedAt = new Date("2026-06-01T12:00:00Z");
    const { orderId, shipmentId } = await seedParcel(prisma(), shop, { placedAt, handedOffAt: addWeekdays(placedAt, 1), deliveredAt: addWeekdays(placedAt, 2), zip: "10115" });

    await expect(refreshOrderPromises(prisma(), shop, orderId)).resolves.toEqual({ learned: 1, made: 0 });
    await expect(refreshOrderPromises(prisma(), shop, orderId)).resolves.toEqual({ learned: 0, made: 0 });

    const rows = await prisma().deliveryObservation.findMany({ where: { shop } });
    expect(rows).toEqual([
      expect.objectContaining({ shipmentId, orderId, carrier: "dhl", destinationCountry: "DE", destinationRegion: "BE", destinationPostalPrefix: "101", originId: "gid://shopify/Location/1" }),
    ]);
  });

  it("GIVEN a fast delivery history WHEN a new parcel is handed off THEN its promise is read from that history and is sooner than with none", async () => {
    const learnedShop = freshShop();
    const emptyShop = freshShop();
    await seedFastHistory(learnedShop);
    const promiseIn = async (shop: string) => {
      const { orderId, shipmentId } = await seedParcel(prisma(), shop, { placedAt: NOW, handedOffAt: NOW });
      await refreshOrderPromises(prisma(), shop, orderId, { now: NOW });
      return (await readPromisesOfOrder(prisma(), shop, orderId)).currentFor(shipmentId);
    };

    const learned = await promiseIn(learnedShop);
    const fallback = await promiseIn(emptyShop);

    expect(learned).toMatchObject({ stage: "handoff" });
    expect(learned!.promisedDate < fallback!.promisedDate).toBe(true);
  });

  it("GIVEN a shop's history WHEN the process restarts (estimators forgotten) THEN the rebuilt estimator promises the same dates", async () => {
    const shop = freshShop();
    await seedFastHistory(shop);
    const request = { stage: "handoff" as const, facts: { originId: "gid://shopify/Location/1", origin: { country: "DE" }, destination: { country: "DE", region: "BE", postalCode: "101" }, carrier: "dhl" }, handedOffAt: NOW, at: NOW };
    const before = (await shopEstimator(prisma(), shop)).promise(request).promisedDate;

    forgetShopEstimators();

    expect((await shopEstimator(prisma(), shop)).promise(request).promisedDate).toBe(before);
  });

  it("GIVEN a held estimator WHEN slow deliveries land afterwards THEN it learns them without a rebuild and promises later", async () => {
    const shop = freshShop();
    await seedFastHistory(shop, 10);
    const request = { stage: "handoff" as const, facts: { originId: "gid://shopify/Location/1", origin: { country: "DE" }, destination: { country: "DE", region: "BE", postalCode: "101" }, carrier: "dhl" }, handedOffAt: NOW, at: NOW };
    const held = await shopEstimator(prisma(), shop);
    const before = held.promise(request).promisedDate;

    for (const placedAt of weekdayNoons("2026-06-15", 20)) {
      const handedOffAt = addWeekdays(placedAt, 1);
      const { orderId } = await seedParcel(prisma(), shop, { placedAt, handedOffAt, deliveredAt: addWeekdays(handedOffAt, 8) });
      await refreshOrderPromises(prisma(), shop, orderId, { now: addWeekdays(handedOffAt, 8) });
    }

    const after = await shopEstimator(prisma(), shop);
    expect(after).toBe(held);
    expect(after.promise(request).promisedDate > before).toBe(true);
  });

  it("GIVEN a parcel promised at hand-off WHEN a carrier 'delayed' event arrives days later THEN a later event promise is stored and the parcel is predicted late", async () => {
    const shop = freshShop();
    const { orderId, shipmentId } = await seedParcel(prisma(), shop, { placedAt: NOW, handedOffAt: NOW, status: "in_transit" });
    await refreshOrderPromises(prisma(), shop, orderId, { now: NOW });
    const first = (await readPromisesOfOrder(prisma(), shop, orderId)).currentFor(shipmentId!)!;

    const delayedAt = new Date(`${first.promisedDate}T10:00:00Z`);
    await moveParcel(prisma(), shop, shipmentId!, "delayed", delayedAt);
    await expect(refreshOrderPromises(prisma(), shop, orderId, { now: delayedAt })).resolves.toEqual({ learned: 0, made: 1 });

    const promises = await readPromisesOfOrder(prisma(), shop, orderId);
    expect(promises.currentFor(shipmentId!)).toMatchObject({ stage: "event" });
    expect(predictedLate(promises, shipmentId!)).toEqual({ promisedDate: first.promisedDate, expectedDate: promises.currentFor(shipmentId!)!.promisedDate, since: delayedAt });
  });

  it("GIVEN an order without a usable destination country, or cancelled WHEN refreshed THEN no promise is made", async () => {
    const shop = freshShop();
    const { orderId: noCountry } = await seedParcel(prisma(), shop, { placedAt: NOW, country: "Germany" });
    const { orderId: cancelled } = await seedParcel(prisma(), shop, { placedAt: NOW });
    await prisma().order.updateMany({ where: { shop, id: cancelled }, data: { cancelledAt: NOW } });

    await expect(refreshOrderPromises(prisma(), shop, noCountry, { now: NOW })).resolves.toEqual({ learned: 0, made: 0 });
    await expect(refreshOrderPromises(prisma(), shop, cancelled, { now: NOW })).resolves.toEqual({ learned: 0, made: 0 });
  });

  it("GIVEN another shop's order id WHEN refreshed under this shop THEN nothing is read or written", async () => {
    const shop = freshShop();
    const { orderId } = await seedParcel(prisma(), freshShop(), { placedAt: NOW });
    await expect(refreshOrderPromises(prisma(), shop, orderId, { now: NOW })).resolves.toEqual({ learned: 0, made: 0 });
    expect(await prisma().deliveryPromise.count({ where: { orderId } })).toBe(0);
  });
});

describe("readOrderPromises", () => {
  it("GIVEN more order ids than one query may bind (a year of a big shop) WHEN read THEN every order's promises come back", async () => {
    const shop = freshShop();
    const { orderId } = await seedParcel(prisma(), shop, { placedAt: NOW });
    await refreshOrderPromises(prisma(), shop, orderId, { now: NOW });
    const others = Array.from({ length: 70_000 }, (_, index) => `gid://shopify/Order/${9_000_000 + index}`);

    const promises = await readOrderPromises(prisma(), shop, [...others, orderId]);

    expect(promises.size).toBe(70_001);
    const alone = await readPromisesOfOrder(prisma(), shop, orderId);
    expect(promises.get(orderId)?.currentFor(null)).toEqual(alone.currentFor(null));
    expect(alone.currentFor(null)).toMatchObject({ stage: "purchase" });
    expect(promises.get(others[0]!)?.currentFor(null)).toBeNull();
  });
});
