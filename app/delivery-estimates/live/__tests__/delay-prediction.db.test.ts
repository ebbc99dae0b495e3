import { afterEach, describe, expect, it } from "vitest";
import { scanShopExceptions } from "~/exceptions/scan.server";
import { useTestDatabase } from "~/test/database";
import { refreshOrderPromises } from "../promises.server";
import { forgetShopEstimators } from "../shop-estimator.server";
import { freshShop, moveParcel, seedParcel } from "./history-fixture";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
afterEach(() => forgetShopEstimators());

const HANDED_OFF = new Date("2026-07-15T09:00:00Z");
const HOUR = 3_600_000;

const flags = (shop: string) => prisma().shipmentException.findMany({ where: { shop, kind: "predicted_late" } });

/** A parcel promised at hand-off, then held up by the carrier on the promised day (a controllable clock throughout). */
async function delayedParcel() {
  const shop = freshShop();
  const { orderId, shipmentId } = await seedParcel(prisma(), shop, { placedAt: HANDED_OFF, handedOffAt: HANDED_OFF, status: "in_transit" });
  await refreshOrderPromises(prisma(), shop, orderId, { now: HANDED_OFF });
  const promised = (await prisma().deliveryPromise.findFirstOrThrow({ where: { shop, orderId } })).promisedDate;
  return { shop, orderId, shipmentId: shipmentId!, promised };
}

describe("delay prediction", () => {
  it("GIVEN a parcel on track WHEN the exceptions scan runs THEN nothing is flagged", async () => {
    const { shop } = await delayedParcel();
    await scanShopExceptions(prisma(), shop, { now: new Date(HANDED_OFF.getTime() + HOUR) });
    expect(await flags(shop)).toEqual([]);
  });

  it("GIVEN a carrier delay that moves the estimate past the promise WHEN the scan runs THEN the parcel is flagged predicted late with both dates, before the promised day is over", async () => {
    const { shop, orderId, shipmentId, promised } = await delayedParcel();
    const delayedAt = new Date(`${promised}T08:00:00Z`);
    await moveParcel(prisma(), shop, shipmentId, "delayed", delayedAt);
    await refreshOrderPromises(prisma(), shop, orderId, { now: delayedAt });

    await scanShopExceptions(prisma(), shop, { now: new Date(delayedAt.getTime() + HOUR) });

    const [flag] = await flags(shop);
    expect(flag).toMatchObject({ orderId, shipmentId, resolvedAt: null, since: delayedAt });
    const evidence = JSON.parse(flag!.evidence);
    expect(evidence.promisedDate).toBe(promised);
    expect(evidence.expectedDate > promised).toBe(true);
  });

  it("GIVEN a parcel flagged predicted late WHEN it is delivered THEN the next scan resolves the flag", async () => {
    const { shop, orderId, shipmentId, promised } = await delayedParcel();
    const delayedAt = new Date(`${promised}T08:00:00Z`);
    await moveParcel(prisma(), shop, shipmentId, "delayed", delayedAt);
    await refreshOrderPromises(prisma(), shop, orderId, { now: delayedAt });
    await scanShopExceptions(prisma(), shop, { now: new Date(delayedAt.getTime() + HOUR) });

    await moveParcel(prisma(), shop, shipmentId, "delivered", new Date(delayedAt.getTime() + 30 * HOUR));
    await scanShopExceptions(prisma(), shop, { now: new Date(delayedAt.getTime() + 31 * HOUR) });

    expect((await flags(shop))[0]!.resolvedAt).not.toBeNull();
  });
});
