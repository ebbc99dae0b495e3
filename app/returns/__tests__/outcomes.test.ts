import { describe, expect, it } from "vitest";
import type { ReturnPolicyInput } from "../policy-schema";
import type { ExchangeItem } from "../request-schema";
import { amounts, codes, evaluate, item, line, merchantText, order, productId, shopperText, variantId } from "./builders";

const newItem = (unitPrice: string, overrides: Partial<ExchangeItem> = {}): ExchangeItem => ({
  productId: productId(1),
  variantId: variantId(11),
  title: "Item 1 (M)",
  unitPrice,
  quantity: 1,
  ...overrides,
});
const twoUnits = [item(1, { quantity: 2 })];
const tagged = (tag: string, effect: "exchange_only" | "store_credit_only") => ({ id: tag, label: tag, match: { tags: [tag] }, effects: [{ type: effect }] });

describe("evaluateReturnRequest: which outcomes the request allows", () => {
  it.each<[string, ReturnPolicyInput, string[][], string[]]>([
    ["the default policy", {}, [[]], ["exchange", "store_credit", "refund"]],
    ["the merchant's order of outcomes", { outcomes: { offered: ["refund", "store_credit"] } }, [[]], ["refund", "store_credit"]],
    ["one exchange-only item among others", { rules: [tagged("swap", "exchange_only")] }, [["swap"], []], ["exchange"]],
    ["one store-credit-only item among others", { rules: [tagged("credit", "store_credit_only")] }, [[], ["credit"]], ["store_credit"]],
    ["an exchange-only and a store-credit-only item", { rules: [tagged("swap", "exchange_only"), tagged("credit", "store_credit_only")] }, [["swap"], ["credit"]], []],
    ["one item matched by both limits", { rules: [tagged("swap", "exchange_only"), tagged("credit", "store_credit_only")] }, [["swap", "credit"]], ["exchange", "store_credit"]],
  ])("GIVEN %s WHEN evaluated THEN the allowed outcomes are %j", (_case, policy, tagsPerLine, allowed) => {
    const lines = tagsPerLine.map((tags, index) => line(index + 1, { tags }));
    const decision = evaluate({ policy, order: order(lines), items: lines.map((_line, index) => item(index + 1)) });
    expect(decision.allowedOutcomes.map((offer) => offer.outcome)).toEqual(allowed);
  });

  it("GIVEN an exchange-only item WHEN the shopper asks for a refund THEN the request names the outcomes that are possible", () => {
    const decision = evaluate({ policy: { rules: [tagged("swap", "exchange_only")] }, order: order([line(1, { tags: ["swap"] }), line(2)]), items: [item(1), item(2)] });
    expect(decision.submittable).toBe(false);
    expect(codes(decision.problems)).toEqual(["outcome_not_allowed"]);
    expect(shopperText(decision.problems[0])).toBe("A refund to the original payment isn't available for these items — choose exchange");
    expect(codes(decision.items[0]?.explanations ?? [])).toEqual(["returnable_until", "exchange_only"]);
    expect(shopperText(decision.items[0]?.explanations[1])).toBe("Item 1 can be exchanged, not refunded");
  });

  it("GIVEN items whose limits exclude each other WHEN evaluated THEN the shopper is asked to return them separately", () => {
    const policy = { rules: [tagged("swap", "exchange_only"), tagged("credit", "store_credit_only")] };
    const decision = evaluate({ policy, order: order([line(1, { tags: ["swap"] }), line(2, { tags: ["credit"] })]), items: [item(1), item(2)], outcome: "store_credit" });
    expect(decision.submittable).toBe(false);
    expect(shopperText(decision.problems[0])).toBe("Item 1 and Item 2 can't be returned together — please return them in separate requests");
    expect(merchantText(decision.problems[0])).toBe("Item 1 and Item 2 allow no outcome in common");
  });
});

describe("evaluateReturnRequest: bonus credit comes only with store credit and exchanges", () => {
  const policy: ReturnPolicyInput = { outcomes: { storeCreditBonusPercent: 10, exchangeBonusPercent: 15 } };

  it.each<[string, Parameters<typeof evaluate>[0], Record<string, string>]>([
    ["a refund", { outcome: "refund" }, { refund: "40.00", storeCredit: "0.00", bonusCredit: "0.00" }],
    ["store credit", { outcome: "store_credit" }, { refund: "0.00", storeCredit: "44.00", bonusCredit: "4.00" }],
    ["an exchange for items of equal value", { outcome: "exchange", exchange: { items: [newItem("20", { quantity: 2 })] } }, { exchangeValue: "40.00", bonusCredit: "0.00", amountDue: "0.00" }],
    ["an exchange for pricier items, the bonus covering part", { outcome: "exchange", exchange: { items: [newItem("50")] } }, { exchangeValue: "50.00", bonusCredit: "6.00", amountDue: "4.00" }],
    ["an exchange for pricier items, the bonus covering all", { outcome: "exchange", exchange: { items: [newItem("44")] } }, { exchangeValue: "44.00", bonusCredit: "4.00", amountDue: "0.00", refund: "0.00", storeCredit: "0.00" }],
  ])("GIVEN 10%% store-credit and 15%% exchange bonuses WHEN the shopper picks %s THEN the totals are %j", (_case, scenario, expected) => {
    const decision = evaluate({ policy, items: twoUnits, ...scenario });
    expect(amounts(decision)).toMatchObject(expected);
    expect(decision.submittable).toBe(true);
  });

  it("GIVEN bonuses WHEN offering outcomes THEN each offer shows its bonus on the net value", () => {
    const decision = evaluate({ policy: { ...policy, fees: { returnShipping: "5" } }, items: twoUnits });
    expect(decision.allowedOutcomes).toEqual([
      { outcome: "exchange", bonusPercent: 15, bonus: { amount: "5.25", currency: "USD" } },
      { outcome: "store_credit", bonusPercent: 10, bonus: { amount: "3.50", currency: "USD" } },
      { outcome: "refund", bonusPercent: 0, bonus: { amount: "0.00", currency: "USD" } },
    ]);
  });

  it("GIVEN free shipping for exchanges WHEN offering outcomes THEN the exchange bonus counts on the fee-free value", () => {
    const decision = evaluate({ policy: { ...policy, fees: { returnShipping: "5", waiveForExchanges: { returnShipping: true } } }, items: twoUnits });
    expect(decision.allowedOutcomes[0]?.bonus.amount).toBe("6.00");
  });

  it.each([
    ["store_credit" as const, undefined, "Store credit gets a 10% bonus: $4.00 extra credit"],
    ["exchange" as const, { items: [newItem("50")] }, "Exchanges get a 15% bonus: $6.00 extra credit"],
  ])("GIVEN a %s WHEN explained THEN the note announces the bonus", (outcome, exchange, message) => {
    const decision = evaluate({ policy, items: twoUnits, outcome, exchange });
    expect(decision.notes.map((note) => shopperText(note))).toContain(message);
  });
});

describe("evaluateReturnRequest: exchange price differences", () => {
  it.each<[string, ReturnPolicyInput["exchange"], string, Record<string, string>, string, boolean]>([
    ["cheaper items, change refunded", { whenNewItemsCostLess: "refund" }, "30", { refund: "10.00", storeCredit: "0.00", amountDue: "0.00" }, "The new items cost less: $10.00 goes back to the original payment", true],
    ["cheaper items, change as store credit", { whenNewItemsCostLess: "store_credit" }, "30", { refund: "0.00", storeCredit: "10.00" }, "The new items cost less: $10.00 is added as store credit", true],
    ["cheaper items, change forfeited", { whenNewItemsCostLess: "forfeit" }, "30", { refund: "0.00", storeCredit: "0.00" }, "The new items cost $10.00 less; the difference is not refunded", true],
    ["pricier items, shopper pays up", { whenNewItemsCostMore: "shopper_pays" }, "55", { amountDue: "15.00" }, "The new items cost $15.00 more than your return — you'll pay the difference", true],
    ["pricier items, not allowed", { whenNewItemsCostMore: "not_allowed" }, "55", { amountDue: "15.00" }, "The new items cost $15.00 more than your return — please choose items of equal or lower value", false],
  ])("GIVEN %s WHEN evaluated THEN the totals and explanation follow the policy", (_case, exchangePolicy, price, expected, message, submittable) => {
    const decision = evaluate({ policy: { exchange: exchangePolicy }, items: twoUnits, outcome: "exchange", exchange: { items: [newItem(price)] } });
    expect(amounts(decision)).toMatchObject(expected);
    expect([...decision.notes, ...decision.problems].map((note) => shopperText(note))).toContain(message);
    expect(decision.submittable).toBe(submittable);
  });

  it("GIVEN a 15% exchange bonus and cheaper items with change refunded WHEN evaluated THEN the bonus is never paid out as money", () => {
    const decision = evaluate({
      policy: { outcomes: { exchangeBonusPercent: 15 }, exchange: { whenNewItemsCostLess: "refund" } },
      items: twoUnits,
      outcome: "exchange",
      exchange: { items: [newItem("30")] },
    });
    expect(amounts(decision)).toMatchObject({ refund: "10.00", bonusCredit: "0.00" });
  });

  it.each<[string, "same_product" | "any_product", ExchangeItem, boolean]>([
    ["another variant of the returned product", "same_product", newItem("20", { variantId: variantId(12) }), true],
    ["the same variant again (a replacement)", "same_product", newItem("20", { variantId: variantId(10) }), true],
    ["another product", "same_product", newItem("20", { productId: productId(7), title: "Scarf" }), false],
    ["another product, anything allowed", "any_product", newItem("20", { productId: productId(7), title: "Scarf" }), true],
  ])("GIVEN an exchange for %s under scope %s WHEN evaluated THEN submittable is %s", (_case, scope, wanted, allowed) => {
    const decision = evaluate({ policy: { exchange: { scope } }, outcome: "exchange", exchange: { items: [wanted] } });
    expect(decision.submittable).toBe(allowed);
    if (!allowed) {
      expect(shopperText(decision.problems[0])).toBe("Scarf isn't available as an exchange — choose another size or color of the item you're returning");
    }
  });
});

describe("evaluateReturnRequest: how items travel back", () => {
  it.each<[string, ReturnPolicyInput, Parameters<typeof evaluate>[0], string[]]>([
    ["a mail label", {}, { method: "mail_label" }, []],
    ["no method", {}, { method: null }, ["method_required"]],
    ["drop-off, not offered", {}, { method: "drop_off" }, ["method_not_offered"]],
    ["drop-off, offered", { methods: { drop_off: { offered: true } } }, { method: "drop_off" }, []],
    ["no method with every item kept", { keepIt: [{ maxUnitValue: "25" }] }, { method: null }, []],
  ])("GIVEN %s WHEN evaluated THEN the request problems are %j", (_case, policy, scenario, problems) => {
    expect(codes(evaluate({ policy, ...scenario }).problems)).toEqual(problems);
  });

  it("GIVEN drop-off not offered WHEN explained THEN the shopper is asked to choose another way", () => {
    expect(shopperText(evaluate({ method: "drop_off" }).problems[0])).toBe("Drop-off isn't available — choose another way to send the items back");
  });
});
