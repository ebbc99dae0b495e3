import { afterEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "~/test/database";
import { promisesForMessage } from "../message-promises.server";
import { promiseToShow } from "../order-promises";
import { basisKeyOf } from "../promise-plan";
import type * as PromisesModule from "../promises.server";
import { readPromisesOfOrder, refreshHeldPromises, refreshOrderPromises, storedPromisesOfOrder } from "../promises.server";
import { forgetShopEstimators } from "../shop-estimator.server";
import { freshShop, moveParcel, seedParcel } from "./history-fixture";

// Spied on, not replaced: the tests tell whether a send refreshed at all.
vi.mock("../promises.server", async (importOriginal) => {
  const real = await importOriginal<typeof PromisesModule>();
  return { ...real, refreshHeldPromises: vi.fn(real.refreshHeldPromises) };
});
const refresh = vi.mocked(refreshHeldPromises);

const database = useTestDatabase();
const prisma = () => database.get().prisma;

afterEach(() => {
  forgetShopEstimators();
  refresh.mockClear();
});

const HANDED_OFF = new Date("2026-07-14T09:00:00Z");
const EVENT_AT = new Date("2026-07-15T09:00:00Z");
const NOW = new Date("2026-07-15T10:00:00Z");

async function parcelOnItsWay(shop: string) {
  const { orderId, shipmentId } = await seedParcel(prisma(), shop, { placedAt: new Date("2026-07-13T09:00:00Z"), handedOffAt: HANDED_OFF });
  return { orderId, shipmentId: shipmentId!, order: await orderOf(shop, orderId) };
}

function orderOf(shop: string, orderId: string) {
  return prisma().order.findFirstOrThrow({ where: { shop, id: orderId } });
}

describe("promisesForMessage", () => {
  it("GIVEN a carrier event the refresh job has not promised on yet WHEN a message about it is prepared THEN it is promised first and the message shows what the tracking page shows", async () => {
    const shop = freshShop();
    const { orderId, shipmentId, order } = await parcelOnItsWay(shop);
    await refreshOrderPromises(prisma(), shop, orderId, { now: HANDED_OFF });
    await moveParcel(prisma(), shop, shipmentId, "out_for_delivery", EVENT_AT);
    refresh.mockClear();

    const parcel = { id: shipmentId, status: "out_for_delivery" as const, statusAt: EVENT_AT, shippedAt: HANDED_OFF };
    const promises = await promisesForMessage(prisma(), shop, order, [parcel], NOW);

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(promises.currentFor(shipmentId)).toMatchObject({ stage: "event", madeAt: NOW });
    const page = await readPromisesOfOrder(prisma(), shop, orderId);
    expect(promiseToShow(promises, parcel)).toEqual(promiseToShow(page, parcel));
    const keys = (await prisma().deliveryPromise.findMany({ where: { shop, orderId }, select: { basisKey: true } })).map((row) => row.basisKey);
    expect(keys).toContain(basisKeyOf.event(shipmentId, "out_for_delivery", EVENT_AT));
  });

  it("GIVEN the refresh job already promised on the parcel's latest event WHEN a message is prepared THEN the stored promise is shown and nothing is refreshed", async () => {
    const shop = freshShop();
    const { orderId, shipmentId, order } = await parcelOnItsWay(shop);
    await moveParcel(prisma(), shop, shipmentId, "out_for_delivery", EVENT_AT);
    await refreshOrderPromises(prisma(), shop, orderId, { now: EVENT_AT });
    const before = await prisma().deliveryPromise.findMany({ where: { shop, orderId }, orderBy: { basisKey: "asc" } });
    refresh.mockClear();

    const parcel = { id: shipmentId, status: "out_for_delivery" as const, statusAt: EVENT_AT, shippedAt: HANDED_OFF };
    const promises = await promisesForMessage(prisma(), shop, order, [parcel], NOW);

    expect(refresh).not.toHaveBeenCalled();
    expect(promises.currentFor(shipmentId)).toMatchObject({ madeAt: EVENT_AT });
    expect(promiseToShow(promises, parcel)).toEqual(promiseToShow(await readPromisesOfOrder(prisma(), shop, orderId), parcel));
    expect(await prisma().deliveryPromise.findMany({ where: { shop, orderId }, orderBy: { basisKey: "asc" } })).toEqual(before);
  });

  it("GIVEN an unshipped order without promises WHEN its confirmation is prepared THEN the purchase promise is made for it", async () => {
    const shop = freshShop();
    const { orderId } = await seedParcel(prisma(), shop, { placedAt: HANDED_OFF });

    const promises = await promisesForMessage(prisma(), shop, await orderOf(shop, orderId), [], NOW);

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(promiseToShow(promises, null)).toEqual(promiseToShow(await readPromisesOfOrder(prisma(), shop, orderId), null));
    expect(promises.currentFor(null)).toMatchObject({ stage: "purchase" });
  });

  it("GIVEN a refresh job that stored the same promise after the message read the order's WHEN the message's refresh runs THEN the stored row, not its own estimate, is returned", async () => {
    const shop = freshShop();
    const { orderId, shipmentId, order } = await parcelOnItsWay(shop);
    const before = await storedPromisesOfOrder(prisma(), shop, orderId);
    await refreshOrderPromises(prisma(), shop, orderId, { now: HANDED_OFF });

    const rows = await refreshHeldPromises(prisma(), shop, order, before, NOW);

    expect(rows).toEqual(await storedPromisesOfOrder(prisma(), shop, orderId));
    expect(rows.find((row) => row.basisKey === basisKeyOf.handoff(shipmentId))).toMatchObject({ madeAt: HANDED_OFF });
  });
});
