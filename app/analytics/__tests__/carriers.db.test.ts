import { describe, expect, it } from "vitest";
import { refreshOrderPromises } from "~/delivery-estimates/live/promises.server";
import { addWeekdays, freshShop, seedParcel, weekdayNoons } from "~/delivery-estimates/live/__tests__/history-fixture";
import { useTestDatabase } from "~/test/database";
import { getCarrierAnalytics } from "../carriers.server";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const NOW = new Date("2026-07-20T12:00:00Z");

describe("getCarrierAnalytics", () => {
  it("GIVEN two carriers' parcels with promises and an exception WHEN the carriers page loads THEN rows, distributions and a recommendation come from this shop's parcels only", async () => {
    const shop = freshShop();
    const other = freshShop();
    for (const [index, placedAt] of weekdayNoons("2026-06-01", 12).entries()) {
      const carrier = index % 2 ? "ups" : "usps";
      const handedOffAt = addWeekdays(placedAt, 1);
      const deliveredAt = addWeekdays(handedOffAt, carrier === "ups" ? 1 : 4);
      const { orderId, shipmentId } = await seedParcel(prisma(), shop, { placedAt, handedOffAt, deliveredAt, carrier });
      await refreshOrderPromises(prisma(), shop, orderId, { now: deliveredAt });
      if (index === 0) await prisma().shipmentException.create({ data: { shop, kind: "stalled", orderId, shipmentId, evidence: "{}", since: handedOffAt, detectedAt: handedOffAt } });
    }
    await seedParcel(prisma(), other, { placedAt: NOW, handedOffAt: NOW, carrier: "dhl" });

    const analytics = await getCarrierAnalytics(prisma(), shop, { groupBy: "service", now: NOW });

    expect(analytics.parcels).toBe(12);
    expect(analytics.rows.map((row) => [row.carrier, row.parcels, row.medianTransitDays, row.exceptionRate])).toEqual([
      ["UPS", 6, 1, 0],
      ["USPS", 6, expect.any(Number), 0.167],
    ]);
    expect(analytics.distributions).toHaveLength(2);
    expect(analytics.recommendations[0]).toMatchObject({ lane: "DE-BE", options: [expect.objectContaining({ carrier: "UPS" }), expect.objectContaining({ carrier: "USPS" })] });
  });

  it("GIVEN orders synced with shipping lines WHEN the carriers page loads THEN each option's median charge comes from the shop's own lines and the ranking weighs it", async () => {
    const shop = freshShop();
    await prisma().shop.upsert({ where: { shop }, create: { shop, currencyCode: "EUR" }, update: {} });
    for (const [index, placedAt] of weekdayNoons("2026-06-01", 12).entries()) {
      const carrier = index % 2 ? "ups" : "usps";
      const handedOffAt = addWeekdays(placedAt, 1);
      const { orderId } = await seedParcel(prisma(), shop, { placedAt, handedOffAt, deliveredAt: addWeekdays(handedOffAt, 2), carrier });
      const line = { shop, orderId, title: "Standard", price: carrier === "ups" ? "12.00" : "4.50", currencyCode: "EUR" };
      await prisma().shippingLine.create({ data: { ...line, id: `gid://shopify/ShippingLine/${index}` } });
      // A line removed by an order edit is not what the shopper paid.
      await prisma().shippingLine.create({ data: { ...line, id: `gid://shopify/ShippingLine/${index + 100}`, price: "99.00", isRemoved: true } });
    }

    const analytics = await getCarrierAnalytics(prisma(), shop, { groupBy: "lane", now: NOW });

    expect(analytics.currencyCode).toBe("EUR");
    const [recommendation] = analytics.recommendations;
    expect(recommendation!.criteria).toEqual(["speed", "reliability", "cost"]);
    expect(recommendation!.options.map((option) => [option.carrier, option.medianCost, option.costParcels])).toEqual([
      ["USPS", "4.50", 6],
      ["UPS", "12.00", 6],
    ]);
  });

  it("GIVEN a shop without parcels WHEN the page loads THEN it is empty, not an error", async () => {
    await expect(getCarrierAnalytics(prisma(), freshShop(), { groupBy: "lane", now: NOW })).resolves.toMatchObject({ parcels: 0, rows: [], recommendations: [] });
  });
});
