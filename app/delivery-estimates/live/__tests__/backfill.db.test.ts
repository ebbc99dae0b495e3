import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { backfillDeliveryEstimates } from "../backfill.server";
import { readPromisesOfOrder } from "../promises.server";
import { forgetShopEstimators } from "../shop-estimator.server";
import { addWeekdays, freshShop, seedParcel, weekdayNoons } from "./history-fixture";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
afterEach(() => forgetShopEstimators());

const NOW = new Date("2026-07-15T09:00:00Z");

describe("backfillDeliveryEstimates", () => {
  it("GIVEN a shop's past deliveries and open orders WHEN backfilled THEN history is learned before the open orders are promised, and quotes are precomputed", async () => {
    const shop = freshShop();
    const fresh = freshShop();
    for (const placedAt of weekdayNoons("2026-06-01", 20)) {
      const handedOffAt = addWeekdays(placedAt, 1);
      await seedParcel(prisma(), shop, { placedAt, handedOffAt, deliveredAt: addWeekdays(handedOffAt, 1) });
    }
    // The same open parcel in a shop with history and one without.
    const open = await seedParcel(prisma(), shop, { placedAt: NOW, handedOffAt: NOW });
    const control = await seedParcel(prisma(), fresh, { placedAt: NOW, handedOffAt: NOW });

    await expect(backfillDeliveryEstimates(prisma(), shop, { now: NOW })).resolves.toEqual({ learned: 20, history: 20, promised: 1, quotes: 2 });
    await backfillDeliveryEstimates(prisma(), fresh, { now: NOW });

    const learned = (await readPromisesOfOrder(prisma(), shop, open.orderId)).currentFor(open.shipmentId)!;
    const fallback = (await readPromisesOfOrder(prisma(), fresh, control.orderId)).currentFor(control.shipmentId)!;
    expect(learned.promisedDate < fallback.promisedDate).toBe(true);
    await expect(backfillDeliveryEstimates(prisma(), shop, { now: NOW })).resolves.toEqual({ learned: 0, history: 20, promised: 0, quotes: 2 });
  }, 60_000);
});
