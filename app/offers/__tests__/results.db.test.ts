import { describe, expect, it } from "vitest";
import { useTestDatabase } from "~/test/database";
import { loadOfferResults } from "../results.server";
import { offerWith } from "./fixtures";

const database = useTestDatabase();
const prisma = () => database.get().prisma;
const SHOP = "offer-results.myshopify.com";

async function seedArm(armId: string, views: number, accepts: number) {
  await prisma().offerEvent.createMany({
    data: Array.from({ length: views }, (_, index) => ({ shop: SHOP, offerId: "offer-1", armId, surface: "post_purchase", orderKey: `${armId}-${index}`, kind: "impression" })),
  });
  await prisma().offerDecision.createMany({
    data: Array.from({ length: accepts }, (_, index) => ({
      shop: SHOP, referenceId: `${armId}-${index}`, offerId: "offer-1", armId, purchaseKey: "1x1", variantId: "gid://shopify/ProductVariant/901", quantity: 1,
      unitPrice: "20.00", discountedUnitPrice: "17.00", currencyCode: "USD", decision: "accepted", revenue: "17.00", discountGiven: "3.00",
    })),
  });
}

describe("offer results", () => {
  it("GIVEN two arms past the minimum sample with a clear gap WHEN results load THEN per-surface numbers add up and the z-test names the winner in plain words", async () => {
    const offer = offerWith({ surfaces: ["post_purchase", "thank_you"], arms: [{ id: "a", weight: 50 }, { id: "b", weight: 50 }] });
    await seedArm("a", 300, 15);
    await seedArm("b", 300, 45);
    await prisma().offerEvent.create({ data: { shop: SHOP, offerId: "offer-1", armId: "a", surface: "thank_you", orderKey: "ty-1", kind: "click" } });
    await prisma().offerEvent.create({ data: { shop: "another.myshopify.com", offerId: "offer-1", armId: "a", surface: "post_purchase", orderKey: "x", kind: "impression" } });

    const results = (await loadOfferResults(prisma(), SHOP, [offer], "USD"))["offer-1"]!;

    expect(results.total).toMatchObject({ impressions: 600, accepts: 60, clicks: 1, revenue: "1020.00" });
    expect(results.bySurface.map((row) => [row.surface, row.impressions, row.accepts, row.clicks])).toEqual([
      ["post_purchase", 600, 60, 0],
      ["thank_you", 0, 0, 1],
    ]);
    expect(results.byArm.map((arm) => [arm.armId, arm.impressions, arm.conversions])).toEqual([
      ["a", 300, 16],
      ["b", 300, 45],
    ]);
    expect(results.comparisons[0]!.result.verdict).toBe("treatment_wins");
    expect(results.comparisons[0]!.result.explanation).toContain("is the winner");
  });

  it("GIVEN next-order codes shown and copied WHEN results load THEN they are counted per surface and arm, and do not change conversion", async () => {
    const offer = offerWith({ id: "offer-2", surfaces: ["post_purchase", "thank_you", "order_status"], arms: [{ id: "a", weight: 1 }, { id: "b", weight: 1 }] });
    const event = (orderKey: string, surface: string, armId: string, kind: string) => ({ shop: SHOP, offerId: "offer-2", armId, surface, orderKey, kind });
    await prisma().offerEvent.createMany({
      data: [
        event("o-1", "thank_you", "a", "impression"),
        event("o-1", "thank_you", "a", "code_impression"),
        event("o-1", "thank_you", "a", "code_copy"),
        event("o-2", "order_status", "b", "code_impression"),
        event("o-3", "order_status", "b", "code_impression"),
      ],
    });

    const results = (await loadOfferResults(prisma(), SHOP, [offer], "USD"))["offer-2"]!;

    expect(results.total).toMatchObject({ impressions: 1, codeImpressions: 3, codeCopies: 1, conversions: 0, conversion: 0 });
    expect(results.bySurface.map((row) => [row.surface, row.codeImpressions, row.codeCopies])).toEqual([
      ["post_purchase", 0, 0],
      ["thank_you", 1, 1],
      ["order_status", 2, 0],
    ]);
    expect(results.byArm.map((arm) => [arm.armId, arm.codeImpressions, arm.codeCopies])).toEqual([
      ["a", 1, 1],
      ["b", 2, 0],
    ]);
  });

  it("GIVEN an arm below the minimum sample WHEN compared THEN no winner is declared yet", async () => {
    const offer = offerWith({ id: "offer-1", arms: [{ id: "a", weight: 1 }, { id: "c", weight: 1 }] });

    const results = (await loadOfferResults(prisma(), SHOP, [offer], "USD"))["offer-1"]!;

    expect(results.comparisons[0]!.result.verdict).toBe("collecting_data");
    expect(results.comparisons[0]!.result.explanation).toMatch(/^Not enough data yet/);
  });
});
