import { afterEach, describe, expect, it } from "vitest";
import { logger } from "~/logger.server";
import { useTestDatabase } from "~/test/database";
import { backfillDeliveryEstimatesJob } from "../backfill-job.server";
import { backfillDeliveryEstimates } from "../backfill.server";
import { DELIVERY_QUOTES_JOB } from "../quotes-job.server";
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

describe("the delivery-estimates.backfill job", () => {
  const run = (shop: string) =>
    backfillDeliveryEstimatesJob.handle(
      { db: prisma(), shop, job: { id: "job-1", name: backfillDeliveryEstimatesJob.name, attempt: 1, maxAttempts: 8 }, logger, signal: new AbortController().signal },
      backfillDeliveryEstimatesJob.payload.parse({}),
    );

  it("GIVEN an installed shop whose first sync brought in deliveries and an open parcel WHEN the job runs THEN the open parcel is promised, quotes exist and their hourly refresh is scheduled", async () => {
    const shop = freshShop();
    for (const placedAt of weekdayNoons("2026-06-01", 6)) {
      const handedOffAt = addWeekdays(placedAt, 1);
      await seedParcel(prisma(), shop, { placedAt, handedOffAt, deliveredAt: addWeekdays(handedOffAt, 1) });
    }
    const open = await seedParcel(prisma(), shop, { placedAt: new Date(), handedOffAt: new Date() });

    await run(shop);

    expect(await prisma().deliveryObservation.count({ where: { shop } })).toBe(6);
    expect((await readPromisesOfOrder(prisma(), shop, open.orderId)).currentFor(open.shipmentId)).not.toBeNull();
    expect(await prisma().deliveryQuote.count({ where: { shop } })).toBeGreaterThan(0);
    expect(await prisma().job.count({ where: { shop, name: DELIVERY_QUOTES_JOB, status: "queued" } })).toBe(1);
  }, 60_000);

  it("GIVEN a shop uninstalled before the job ran WHEN it runs THEN it learns and schedules nothing", async () => {
    const shop = freshShop();
    const placedAt = new Date(Date.now() - 10 * 86_400_000);
    await seedParcel(prisma(), shop, { placedAt, handedOffAt: addWeekdays(placedAt, 1), deliveredAt: addWeekdays(placedAt, 2) });
    await prisma().shop.update({ where: { shop }, data: { uninstalledAt: new Date() } });

    await run(shop);

    expect(await prisma().deliveryObservation.count({ where: { shop } })).toBe(0);
    expect(await prisma().job.count({ where: { shop } })).toBe(0);
  });
});
