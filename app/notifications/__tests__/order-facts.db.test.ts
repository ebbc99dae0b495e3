import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { loadOrderFacts } from "../order-facts.server";
import { freshShop, seedOrder } from "./fixtures";

const db = useTestDatabase();
const prisma = () => db.get().prisma;

/** A second fulfillment of the order with one labelled parcel. */
async function secondFulfillment(shop: string, orderId: string): Promise<{ fulfillmentId: string; shipmentId: string }> {
  const fulfillmentId = `${orderId}-f2`;
  await prisma().fulfillment.create({ data: { shop, id: fulfillmentId, orderId, status: "success", shopifyCreatedAt: new Date(), shopifyUpdatedAt: new Date() } });
  const shipment = await prisma().shipment.create({
    data: { shop, orderId, fulfillmentId, trackingNumber: `T2-${orderId.slice(-6)}`, carrier: "dhl", status: "in_transit", statusAt: new Date() },
    select: { id: true },
  });
  return { fulfillmentId, shipmentId: shipment.id };
}

const titlesAndQuantities = (items: { title: string; quantity: number }[]) => items.map((item) => [item.title, item.quantity]);

describe("loadOrderFacts items", () => {
  it("GIVEN no parcel named WHEN the facts are read THEN every line of the order shows with its ordered quantity, in line order", async () => {
    const { shop, orderId } = await seedOrder(prisma(), freshShop());

    const facts = await loadOrderFacts(prisma(), shop, orderId, []);

    expect(titlesAndQuantities(facts!.items)).toEqual([["Sencha <green> tea", 2], ["Teapot", 1]]);
    expect(facts!.items[0]).toEqual({ title: "Sencha <green> tea", variantTitle: "250 g", quantity: 2, imageUrl: null });
  });

  it("GIVEN a parcel whose fulfillment lists no lines WHEN the facts are read THEN every line of the order shows", async () => {
    const { shop, orderId, shipmentIds } = await seedOrder(prisma(), freshShop());

    const facts = await loadOrderFacts(prisma(), shop, orderId, shipmentIds);

    expect(titlesAndQuantities(facts!.items)).toEqual([["Sencha <green> tea", 2], ["Teapot", 1]]);
  });

  it("GIVEN a parcel whose fulfillment carries part of one line WHEN the facts are read THEN only that line shows, with the quantity in the parcel", async () => {
    const { shop, orderId, fulfillmentId, shipmentIds } = await seedOrder(prisma(), freshShop());
    await prisma().fulfillmentLineItem.create({ data: { shop, fulfillmentId, lineItemId: `${orderId}-li-1`, quantity: 1 } });

    const facts = await loadOrderFacts(prisma(), shop, orderId, shipmentIds);

    expect(titlesAndQuantities(facts!.items)).toEqual([["Sencha <green> tea", 1]]);
  });

  it("GIVEN parcels of two fulfillments carrying the same line WHEN read together THEN the line shows once with their quantities added; one parcel alone shows its own", async () => {
    const { shop, orderId, fulfillmentId, shipmentIds } = await seedOrder(prisma(), freshShop());
    const second = await secondFulfillment(shop, orderId);
    await prisma().fulfillmentLineItem.createMany({
      data: [
        { shop, fulfillmentId, lineItemId: `${orderId}-li-1`, quantity: 1 },
        { shop, fulfillmentId: second.fulfillmentId, lineItemId: `${orderId}-li-1`, quantity: 1 },
        { shop, fulfillmentId: second.fulfillmentId, lineItemId: `${orderId}-li-2`, quantity: 1 },
      ],
    });

    const both = await loadOrderFacts(prisma(), shop, orderId, [...shipmentIds, second.shipmentId]);
    const first = await loadOrderFacts(prisma(), shop, orderId, shipmentIds);

    expect(titlesAndQuantities(both!.items)).toEqual([["Sencha <green> tea", 2], ["Teapot", 1]]);
    expect(titlesAndQuantities(first!.items)).toEqual([["Sencha <green> tea", 1]]);
  });

  it("GIVEN another shop's lines for the same fulfillment id WHEN the facts are read THEN they are not counted", async () => {
    const { shop, orderId, fulfillmentId, shipmentIds } = await seedOrder(prisma(), freshShop());
    const other = freshShop();
    await prisma().fulfillmentLineItem.create({ data: { shop: other, fulfillmentId, lineItemId: `${orderId}-li-2`, quantity: 5 } });

    const facts = await loadOrderFacts(prisma(), shop, orderId, shipmentIds);

    expect(titlesAndQuantities(facts!.items)).toEqual([["Sencha <green> tea", 2], ["Teapot", 1]]);
  });
});
