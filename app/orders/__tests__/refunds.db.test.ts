import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { applyRefundWebhook } from "../refunds.server";
import { samplePayload } from "./shopify-samples";

const database = useTestDatabase();
const newShop = () => `refund-${Math.random().toString(36).slice(2, 10)}.myshopify.com`;

describe("applyRefundWebhook", () => {
  it("GIVEN Shopify's sample refund WHEN delivered three times THEN one Refund row holds the exact amount", async () => {
    const prisma = database.get().prisma;
    const shop = newShop();

    for (let i = 0; i < 3; i++) await applyRefundWebhook(prisma, shop, samplePayload("refunds/create"));

    expect(await prisma.refund.findMany({ where: { shop } })).toEqual([
      expect.objectContaining({
        id: "gid://shopify/Refund/890088186047892319",
        orderId: "gid://shopify/Order/820982911946154500",
        amount: "85.00",
        note: "Things were damaged",
        restock: false,
      }),
    ]);
  });

  it("GIVEN the same refund id under two shops THEN each shop has its own row", async () => {
    const prisma = database.get().prisma;
    const [first, second] = [newShop(), newShop()];

    await applyRefundWebhook(prisma, first, samplePayload("refunds/create"));
    await applyRefundWebhook(prisma, second, { ...samplePayload("refunds/create"), note: "second shop" });

    expect((await prisma.refund.findFirstOrThrow({ where: { shop: first } })).note).toBe("Things were damaged");
    expect((await prisma.refund.findFirstOrThrow({ where: { shop: second } })).note).toBe("second shop");
  });
});
