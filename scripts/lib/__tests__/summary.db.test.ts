import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { summariseApp } from "../summary";

const SHOP = "demo-outfitters.myshopify.com";
const OTHER_SHOP = "other-outfitters.myshopify.com";
const NOW = new Date("2026-11-25T12:00:00Z");

const database = useTestDatabase();

async function storeShipment(shop: string, carrier: string | null, status = "in_transit") {
  await database.get().prisma.shipment.create({
    data: { shop, orderId: `gid://shopify/Order/${randomUUID()}`, fulfillmentId: randomUUID(), trackingNumber: randomUUID(), carrier, status, statusAt: NOW },
  });
}

describe("summariseApp", () => {
  it("GIVEN two shops' shipments WHEN one shop is summarised THEN its name, its statuses and its carriers, most used first", async () => {
    await database.get().prisma.shop.create({ data: { shop: SHOP, name: "Demo Outfitters" } });
    for (const carrier of ["UPS", "FedEx", "FedEx", null]) await storeShipment(SHOP, carrier);
    await storeShipment(SHOP, "UPS", "delivered");
    await storeShipment(OTHER_SHOP, "DHL Express");

    const summary = await summariseApp(database.get().prisma, SHOP, NOW);

    expect(summary.shopName).toBe("Demo Outfitters");
    expect(summary.shipments.total).toBe(5);
    expect(summary.shipments.byStatus).toMatchObject({ in_transit: 4, delivered: 1 });
    expect(summary.shipmentsByCarrier).toEqual([
      { carrier: "FedEx", count: 2 },
      { carrier: "UPS", count: 2 },
      { carrier: "no carrier", count: 1 },
    ]);
  });
});
