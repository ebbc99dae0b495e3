import { beforeAll, describe, expect, it } from "vitest";
import { InvalidInputError, NotFoundError } from "~/errors";
import { useTestDatabase } from "~/test/database";
import { DEFAULT_RETURN_POLICY } from "../policy-schema";
import { CurrencyMismatchError } from "../money";
import { listReturnPolicyVersions } from "../policy-store.server";
import { searchOrdersForSimulation, simulateReturn } from "../simulate.server";
import { fakeShopify, MUG, MUG_PRODUCT, NOW, ORDER, seedDeliveredOrder } from "./returns-scenario";

const database = useTestDatabase();
const SHOP = "simulator.myshopify.com";
const OTHER = "simulator-rival.myshopify.com";
const prisma = () => database.get().prisma;
const rejection = (run: () => Promise<unknown>) => run().then(() => null, (error: unknown) => error);

beforeAll(async () => {
  await seedDeliveredOrder(prisma(), SHOP);
  await prisma().order.create({ data: { shop: SHOP, id: "gid://shopify/Order/9002", name: "#1002", customerId: null, processedAt: NOW, shopifyUpdatedAt: NOW } });
});

const MUG_RULE = { id: "mugs", label: "Mugs", match: { productIds: [MUG_PRODUCT] }, effects: [{ type: "final_sale" }] };

describe("return simulator", () => {
  it("GIVEN an order and no items picked WHEN simulated THEN every line shows its eligibility as the merchant reads it", async () => {
    const result = await simulateReturn(prisma(), fakeShopify(), SHOP, { policy: {}, orderId: ORDER }, NOW);

    expect(result.orderName).toBe("#1001");
    expect(result.decision).toBeNull();
    expect(result.lines.find((line) => line.lineItemId === MUG)).toMatchObject({
      status: "eligible",
      returnableQuantity: 2,
      explanations: ["Returnable until 20 December (30 days after delivery on 20 November)"],
    });
  });

  it("GIVEN an unsaved rule making mugs final sale WHEN simulated THEN the mug is final sale by that rule, and nothing is saved", async () => {
    const result = await simulateReturn(prisma(), fakeShopify(), SHOP, { policy: { rules: [MUG_RULE] }, orderId: ORDER }, NOW);

    expect(result.lines.find((line) => line.lineItemId === MUG)).toMatchObject({ status: "final_sale", explanations: ["Final sale (rule “Mugs”)"] });
    expect(await listReturnPolicyVersions(prisma(), SHOP)).toEqual([]);
  });

  it("GIVEN one mug for store credit with a 10% bonus and a 4.95 label WHEN simulated THEN the decision has fees, totals and every explanation", async () => {
    const policy = { outcomes: { storeCreditBonusPercent: 10 }, fees: { returnShipping: "4.95" } };
    const request = { items: [{ lineItemId: MUG, quantity: 1, reason: "size_too_large" }], outcome: "store_credit", method: "mail_label" };

    const { decision } = await simulateReturn(prisma(), fakeShopify(), SHOP, { policy, orderId: ORDER, request }, NOW);

    expect(decision).toMatchObject({ submittable: true, autoApprove: false, approval: "Needs review: no auto-approval rule matches" });
    expect(decision?.totals).toMatchObject({ itemsValue: { amount: "15.00" }, fees: { amount: "4.95" }, storeCredit: { amount: "11.06" }, bonusCredit: { amount: "1.01" } });
    expect(decision?.fees.flatMap((fee) => fee.explanations)).toEqual(["Return shipping (prepaid label): €4.95"]);
    expect(decision?.notes).toEqual(["Store credit gets a 10% bonus: €1.01 extra credit"]);
  });

  it("GIVEN three mugs of two WHEN simulated THEN it is not submittable and says why", async () => {
    const request = { items: [{ lineItemId: MUG, quantity: 3, reason: "unwanted" }], outcome: "refund", method: "mail_label" };
    const { decision } = await simulateReturn(prisma(), fakeShopify(), SHOP, { policy: {}, orderId: ORDER, request }, NOW);
    expect(decision?.submittable).toBe(false);
    expect(decision?.items[0]?.explanations[0]).toBe("Asked to return 3 of Trail Mug, but only 2 can be returned");
  });

  it("GIVEN an invalid edited policy WHEN simulated THEN InvalidInputError names the policy field", async () => {
    const error = await rejection(() => simulateReturn(prisma(), fakeShopify(), SHOP, { policy: { window: { days: -5 } }, orderId: ORDER }, NOW));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(Object.keys((error as InvalidInputError).fieldErrors)).toEqual(["policy.window.days"]);
  });

  it("GIVEN another shop's order id WHEN simulated THEN it is not found", async () => {
    expect(await rejection(() => simulateReturn(prisma(), fakeShopify(), OTHER, { policy: {}, orderId: ORDER }, NOW))).toBeInstanceOf(NotFoundError);
  });

  it("GIVEN a guest order WHEN simulated THEN the merchant hears it can't be returned online", async () => {
    const error = await rejection(() => simulateReturn(prisma(), fakeShopify(), SHOP, { policy: DEFAULT_RETURN_POLICY, orderId: "gid://shopify/Order/9002" }, NOW));
    expect((error as InvalidInputError).fieldErrors.orderId?.[0]).toMatch(/guest order/);
  });

  it.each([["#1001"], ["1001"], [" #100"]])("GIVEN the search %j WHEN orders are searched THEN #1001 of this shop is found, none of another", async (query) => {
    expect((await searchOrdersForSimulation(prisma(), SHOP, query)).map((order) => order.name)).toContain("#1001");
    expect(await searchOrdersForSimulation(prisma(), OTHER, query)).toEqual([]);
  });

  it("GIVEN an order paid in another currency than the shop now sells in WHEN simulated THEN CurrencyMismatchError names both instead of mixing them", async () => {
    const shop = "simulator-currency.myshopify.com";
    await seedDeliveredOrder(prisma(), shop);
    await prisma().shop.update({ where: { shop }, data: { currencyCode: "GBP" } });

    const error = await rejection(() => simulateReturn(prisma(), fakeShopify(), shop, { policy: {}, orderId: ORDER }, NOW));

    expect(error).toBeInstanceOf(CurrencyMismatchError);
    expect((error as Error).message).toContain("paid in EUR but the shop's prices and return policy are in GBP");
  });
});
