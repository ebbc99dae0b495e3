import { describe, expect, it } from "vitest";
import type { ReturnPolicyInput } from "../policy-schema";
import { amounts, evaluate, item, line, merchantText, order, shopperText } from "./builders";

const defective = { reason: "defective" as const, note: "Arrived with a crack", photoCount: 1 };

describe("evaluateReturnRequest: keep-it", () => {
  const byValueAndReason: ReturnPolicyInput = { keepIt: [{ maxUnitValue: "25", reasons: ["defective", "wrong_item"] }, { maxUnitValue: "5" }] };

  it.each<[string, ReturnPolicyInput, string, Parameters<typeof item>[1], boolean]>([
    ["under a value limit", { keepIt: [{ maxUnitValue: "10" }] }, "7.50", {}, true],
    ["exactly at the value limit", { keepIt: [{ maxUnitValue: "10" }] }, "10.00", {}, true],
    ["a cent above the limit", { keepIt: [{ maxUnitValue: "10" }] }, "10.01", {}, false],
    ["a listed reason at any value", { keepIt: [{ reasons: ["wrong_item"] }] }, "500.00", { reason: "wrong_item", photoCount: 1 }, true],
    ["an unlisted reason", { keepIt: [{ reasons: ["wrong_item"] }] }, "5.00", {}, false],
    ["defective under the defective limit", byValueAndReason, "20.00", defective, true],
    ["too small at the same value", byValueAndReason, "20.00", {}, false],
    ["too small under the any-reason limit", byValueAndReason, "4.00", {}, true],
    ["defective over both limits", byValueAndReason, "30.00", defective, false],
  ])("GIVEN keep-it %s WHEN evaluated THEN keep-it is %s", (_case, policy, price, overrides, kept) => {
    const decision = evaluate({ policy, order: order([line(1, { discountedUnitPrice: price })]), items: [item(1, overrides)] });
    expect(decision.items[0]?.keepIt).toBe(kept);
    expect(decision.items[0]?.explanations.some((explanation) => explanation.code === "keep_it")).toBe(kept);
  });

  it("GIVEN a kept item WHEN refunded THEN the shopper still gets the money, pays no fees and needs no label", () => {
    const decision = evaluate({
      policy: { keepIt: [{ maxUnitValue: "25" }], fees: { restocking: { type: "percent", percent: 10 }, returnShipping: "5" } },
      items: [item(1)],
      method: null,
    });
    expect(decision.submittable).toBe(true);
    expect(amounts(decision)).toMatchObject({ refund: "20.00", fees: "0.00" });
    expect(decision.fees.map((fee) => fee.kind)).toEqual(["restocking"]);
    expect(shopperText(decision.fees[0]?.explanations[1])).toBe("Restocking fee for Item 1 waived as you keep the item (saves $2.00)");
    expect(shopperText(decision.items[0]?.explanations[1])).toBe("Keep Item 1 — no need to send it back");
    expect(merchantText(decision.items[0]?.explanations[1])).toBe("Keep-it: Item 1 is not sent back (reason “Too small”, worth at most $25.00 each)");
  });

  it("GIVEN one kept and one shipped item WHEN refunded THEN return shipping is still charged for the shipped one", () => {
    const decision = evaluate({
      policy: { keepIt: [{ maxUnitValue: "10" }], fees: { returnShipping: "5" } },
      order: order([line(1, { discountedUnitPrice: "8" }), line(2)]),
      items: [item(1), item(2)],
    });
    expect(decision.items.map((entry) => entry.keepIt)).toEqual([true, false]);
    expect(amounts(decision)).toMatchObject({ itemsValue: "28.00", fees: "5.00", refund: "23.00" });
  });
});

describe("evaluateReturnRequest: auto-approval", () => {
  const exchange = { items: [{ productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/11", title: "Item 1 (M)", unitPrice: "20", quantity: 1 }] };
  const rules: ReturnPolicyInput["autoApproval"] = [{ outcomes: ["exchange"], maxValue: "50" }, { reasons: ["defective", "wrong_item"] }];

  it.each<[string, ReturnPolicyInput["autoApproval"], Parameters<typeof evaluate>[0], number | null]>([
    ["no rules", [], {}, null],
    ["an exchange under the limit", rules, { outcome: "exchange", exchange }, 1],
    ["an exchange over the limit", rules, { outcome: "exchange", exchange, order: order([line(1, { discountedUnitPrice: "60" })]) }, null],
    ["an exchange exactly at the limit", rules, { outcome: "exchange", exchange, order: order([line(1, { discountedUnitPrice: "50" })]) }, 1],
    ["a refund under the limit", rules, { outcome: "refund" }, null],
    ["a refund for a defective item (trusted reason)", rules, { items: [item(1, defective)] }, 2],
    ["a refund for a defective and an unwanted item", rules, { order: order([line(1), line(2)]), items: [item(1, defective), item(2, { reason: "unwanted" })] }, null],
  ])("GIVEN %s WHEN evaluated THEN the approving rule is %s", (_case, autoApproval, scenario, rule) => {
    const decision = evaluate({ policy: { autoApproval }, ...scenario });
    expect(decision.submittable).toBe(true);
    expect(decision.autoApprove).toBe(rule !== null);
    expect(decision.approval).toEqual(rule === null ? { code: "needs_review", params: {} } : { code: "auto_approved", params: { rule } });
  });

  it("GIVEN a request that cannot be submitted WHEN a rule would match THEN it is not approved", () => {
    const decision = evaluate({ policy: { autoApproval: [{ outcomes: ["refund"] }] }, order: order([line(1, { finalSaleFlag: true })]) });
    expect(decision).toMatchObject({ submittable: false, autoApprove: false, approval: null });
  });

  it("GIVEN an approved request WHEN explained THEN the shopper hears it is approved and the merchant which rule did it", () => {
    const decision = evaluate({ policy: { autoApproval: rules }, items: [item(1, defective)] });
    expect(shopperText(decision.approval)).toBe("Your return is approved");
    expect(merchantText(decision.approval)).toBe("Approved automatically by auto-approval rule 2");
  });
});
