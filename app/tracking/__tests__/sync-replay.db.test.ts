import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { canonicalDump, deliver } from "./canonical-dump";
import { FIRST, ORDER_GID, SECOND, splitShipmentDeliveries, type Delivery } from "./split-shipment-scenario";

const database = useTestDatabase();
const newShop = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}.myshopify.com`;

/** A deterministic shuffle (mulberry32), so a failing order can be reproduced from its seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Shopify redelivers: every delivery once, some twice. */
const withRedeliveries = (deliveries: readonly Delivery[], seed: number) =>
  shuffled([...deliveries, ...deliveries.filter((_, index) => (index + seed) % 3 === 0)], seed);

describe("replaying a split shipment's webhooks", () => {
  it("GIVEN the webhooks in Shopify's order WHEN applied THEN each parcel has its own shipment with the right status", async () => {
    const prisma = database.get().prisma;
    const shop = newShop("in-order");

    await deliver(prisma, shop, splitShipmentDeliveries());

    const dump = await canonicalDump(prisma, shop);
    expect(dump.orders).toEqual([expect.objectContaining({ id: ORDER_GID, fulfillmentStatus: "fulfilled" })]);
    expect(dump.lineItems.map((item) => item.title)).toEqual(["Item 1 — ünïcødé", "Item 2 — ünïcødé", "Item 3 — ünïcødé"]);
    expect(dump.fulfillmentLineItems).toHaveLength(3);
    expect(dump.shipments.map(({ fulfillmentId, trackingNumber, status, deliveredAt, estimatedDeliveryAt }) => ({
      fulfillmentId,
      trackingNumber,
      status,
      deliveredAt,
      estimatedDeliveryAt,
    }))).toEqual([
      {
        fulfillmentId: `gid://shopify/Fulfillment/${FIRST}`,
        trackingNumber: "JD0001",
        status: "delivered",
        deliveredAt: new Date("2026-11-22T11:00:00Z"),
        estimatedDeliveryAt: new Date("2026-11-22T18:00:00Z"),
      },
      {
        fulfillmentId: `gid://shopify/Fulfillment/${FIRST}`,
        trackingNumber: "JD0002",
        status: "delivered",
        deliveredAt: new Date("2026-11-22T11:00:00Z"),
        estimatedDeliveryAt: new Date("2026-11-22T18:00:00Z"),
      },
      {
        fulfillmentId: `gid://shopify/Fulfillment/${SECOND}`,
        trackingNumber: "JD0003",
        status: "delayed",
        deliveredAt: null,
        estimatedDeliveryAt: null,
      },
    ]);
    expect(dump.trackingEvents).toHaveLength(7);
    expect(dump.refunds).toEqual([expect.objectContaining({ orderId: ORDER_GID, amount: "85.00" })]);
  });

  it("GIVEN the same webhooks WHEN applied 10 times, each in a different shuffled order with redeliveries, THEN every run ends in the identical state", { timeout: 60_000 }, async () => {
    const prisma = database.get().prisma;
    const reference = newShop("reference");
    await deliver(prisma, reference, splitShipmentDeliveries());
    const expected = await canonicalDump(prisma, reference);

    for (let seed = 1; seed <= 10; seed++) {
      const shop = newShop(`seed-${seed}`);
      const order = withRedeliveries(splitShipmentDeliveries(), seed);

      await deliver(prisma, shop, order);

      expect(await canonicalDump(prisma, shop), `seed ${seed}: ${order.map((d) => d.label).join(" → ")}`).toEqual(expected);
    }
  });

  it("GIVEN a fully synced order WHEN every webhook is replayed again THEN nothing changes", async () => {
    const prisma = database.get().prisma;
    const shop = newShop("replayed");
    await deliver(prisma, shop, splitShipmentDeliveries());
    const before = await canonicalDump(prisma, shop);

    await deliver(prisma, shop, shuffled(splitShipmentDeliveries(), 42));

    expect(await canonicalDump(prisma, shop)).toEqual(before);
  });

  it("GIVEN the same webhooks under two shops, one of them only half delivered, THEN neither shop's rows leak into the other", async () => {
    const prisma = database.get().prisma;
    const [complete, partial] = [newShop("complete"), newShop("partial")];
    const deliveries = splitShipmentDeliveries();

    await deliver(prisma, complete, deliveries);
    await deliver(prisma, partial, deliveries.slice(0, 6));

    const [full, half] = [await canonicalDump(prisma, complete), await canonicalDump(prisma, partial)];
    expect(full.shipments.map((shipment) => shipment.status)).toEqual(["delivered", "delivered", "delayed"]);
    expect(half.shipments.map((shipment) => shipment.status)).toEqual(["picked_up", "picked_up", "label_created"]);
    expect(half.trackingEvents).toHaveLength(1);
    expect(half.refunds).toEqual([]);
  });
});
