import { describe, expect, it } from "vitest";
import type { FeeLine } from "../fees";
import type { ReturnPolicyInput } from "../policy-schema";
import { type Scenario, amounts, evaluate, item, line, order, shopperText } from "./builders";

const exchange = { items: [{ productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/11", title: "Item 1 (M)", unitPrice: "20.00", quantity: 2 }] };
const defective = { reason: "defective" as const, note: "The zip broke on day one", photoCount: 1 };
const fee = (kind: FeeLine["kind"], amount: string, charged = amount, lineItemId: string | null = kind === "return_shipping" ? null : "gid://shopify/LineItem/1") => ({
  kind,
  lineItemId,
  amount,
  charged,
});
const feeSummary = (fees: FeeLine[]) => fees.map((entry) => ({ kind: entry.kind, lineItemId: entry.lineItemId, amount: entry.amount.amount, charged: entry.charged.amount }));
const swim = (effects: NonNullable<ReturnPolicyInput["rules"]>[number]["effects"]) => [{ id: "swim", label: "Swimwear", match: { tags: ["swim"] }, effects }];

describe("evaluateReturnRequest: fees, each alone and combined (two units worth 40.00)", () => {
  it.each<[string, ReturnPolicyInput, Partial<Scenario>, ReturnType<typeof fee>[], string]>([
    ["no fees", {}, {}, [], "40.00"],
    ["a 15% restocking fee", { fees: { restocking: { type: "percent", percent: 15 } } }, {}, [fee("restocking", "6.00")], "34.00"],
    ["a 2.50 restocking fee per item", { fees: { restocking: { type: "per_item", amount: "2.5" } } }, {}, [fee("restocking", "5.00")], "35.00"],
    [
      "a rule's restocking fee replacing the policy's",
      { fees: { restocking: { type: "percent", percent: 10 } }, rules: swim([{ type: "restocking_fee", fee: { type: "percent", percent: 25 } }]) },
      {},
      [fee("restocking", "10.00")],
      "30.00",
    ],
    [
      "a rule removing the restocking fee",
      { fees: { restocking: { type: "percent", percent: 10 } }, rules: swim([{ type: "restocking_fee", fee: { type: "percent", percent: 0 } }]) },
      {},
      [],
      "40.00",
    ],
    ["a rule's handling fee per unit", { rules: swim([{ type: "handling_fee", amount: "3" }]) }, {}, [fee("handling", "6.00")], "34.00"],
    ["a flat return-shipping fee, once per request", { fees: { returnShipping: "5" } }, {}, [fee("return_shipping", "5.00")], "35.00"],
    [
      "a drop-off fee replacing the shipping fee",
      { fees: { returnShipping: "5" }, methods: { drop_off: { offered: true, fee: "2" } } },
      { method: "drop_off" },
      [fee("return_shipping", "2.00")],
      "38.00",
    ],
    [
      "in-store returns, free by default",
      { fees: { returnShipping: "5" }, methods: { in_store: { offered: true } } },
      { method: "in_store" },
      [],
      "40.00",
    ],
    [
      "restocking, handling and shipping together",
      { fees: { restocking: { type: "percent", percent: 10 }, returnShipping: "5" }, rules: swim([{ type: "handling_fee", amount: "1.25" }]) },
      {},
      [fee("restocking", "4.00"), fee("handling", "2.50"), fee("return_shipping", "5.00")],
      "28.50",
    ],
    [
      "a defective item: the reason waives every fee",
      { fees: { restocking: { type: "percent", percent: 10 }, returnShipping: "5" }, rules: swim([{ type: "handling_fee", amount: "1" }]) },
      { items: [item(1, { quantity: 2, ...defective })] },
      [fee("restocking", "4.00", "0.00"), fee("handling", "2.00", "0.00"), fee("return_shipping", "5.00", "0.00")],
      "40.00",
    ],
    [
      "a fee that exceeds the item's value",
      { fees: { restocking: { type: "per_item", amount: "30" }, returnShipping: "5" } },
      {},
      [fee("restocking", "60.00", "40.00"), fee("return_shipping", "5.00", "0.00")],
      "0.00",
    ],
  ])("GIVEN %s WHEN two units are refunded THEN the fees are itemised and the refund is net of them", (_case, policy, scenario, expectedFees, refund) => {
    const decision = evaluate({
      policy,
      order: order([line(1, { tags: ["swim"] })]),
      items: [item(1, { quantity: 2 })],
      ...scenario,
    });
    expect(feeSummary(decision.fees)).toEqual(expectedFees);
    expect(decision.totals.refund.amount).toBe(refund);
    expect(decision.submittable).toBe(true);
  });

  it("GIVEN one defective and one unwanted item WHEN refunded THEN only the unwanted item pays restocking, and shipping is charged for it", () => {
    const decision = evaluate({
      policy: { fees: { restocking: { type: "percent", percent: 10 }, returnShipping: "5" } },
      order: order([line(1), line(2)]),
      items: [item(1, defective), item(2, { reason: "unwanted" })],
    });
    expect(feeSummary(decision.fees)).toEqual([
      fee("restocking", "2.00", "0.00"),
      fee("restocking", "2.00", "2.00", "gid://shopify/LineItem/2"),
      fee("return_shipping", "5.00"),
    ]);
    expect(shopperText(decision.fees[0]?.explanations[1])).toBe("Restocking fee for Item 1 waived for reason “Damaged or defective” (saves $2.00)");
    expect(decision.totals.refund.amount).toBe("33.00");
  });

  it.each([
    ["no exchange waivers", { restocking: false, returnShipping: false }, ["6.00", "5.00"], "29.00"],
    ["free return shipping for exchanges", { restocking: false, returnShipping: true }, ["6.00", "0.00"], "34.00"],
    ["no restocking for exchanges", { restocking: true, returnShipping: false }, ["0.00", "5.00"], "35.00"],
    ["both waived for exchanges", { restocking: true, returnShipping: true }, ["0.00", "0.00"], "40.00"],
  ])("GIVEN %s WHEN the shopper exchanges THEN the charged fees are %j and %s remains for the new items", (_case, waiveForExchanges, charged, net) => {
    const policy = { fees: { restocking: { type: "percent" as const, percent: 15 }, returnShipping: "5", waiveForExchanges }, outcomes: { offered: ["exchange" as const, "refund" as const] } };
    const swap = evaluate({ policy, items: [item(1, { quantity: 2 })], outcome: "exchange", exchange });
    expect(swap.fees.map((entry) => entry.charged.amount)).toEqual(charged);
    expect(swap.totals.fees.amount).toBe((40 - Number(net)).toFixed(2));
    const refund = evaluate({ policy, items: [item(1, { quantity: 2 })] });
    expect(refund.fees.map((entry) => entry.charged.amount)).toEqual(["6.00", "5.00"]);
  });

  it("GIVEN free return shipping for exchanges WHEN explained THEN the shopper sees what they save", () => {
    const decision = evaluate({
      policy: { fees: { returnShipping: "5", waiveForExchanges: { returnShipping: true } } },
      items: [item(1, { quantity: 2 })],
      outcome: "exchange",
      exchange,
    });
    expect(decision.fees[0]?.explanations.map((explanation) => shopperText(explanation))).toEqual([
      "Return shipping (prepaid label): $5.00",
      "Return shipping waived for exchanges (saves $5.00)",
    ]);
  });

  it("GIVEN a fee larger than the return WHEN explained THEN it says the fee was reduced", () => {
    const decision = evaluate({ policy: { fees: { returnShipping: "50" } }, items: [item(1)] });
    expect(shopperText(decision.fees[0]?.explanations[1])).toBe(
      "Return shipping reduced from $50.00 to $20.00: fees never exceed what the returned items are worth",
    );
    expect(amounts(decision)).toMatchObject({ itemsValue: "20.00", fees: "20.00", refund: "0.00" });
  });
});

describe("evaluateReturnRequest: rounding in the order's currency", () => {
  it.each<[string, string, string, ReturnPolicyInput, number, { fees: string; refund: string }]>([
    ["USD, 12.5% of 0.99", "USD", "0.99", { fees: { restocking: { type: "percent", percent: 12.5 } } }, 1, { fees: "0.12", refund: "0.87" }],
    ["USD, 12.5% of 1.00 (half a cent rounds up)", "USD", "1.00", { fees: { restocking: { type: "percent", percent: 12.5 } } }, 1, { fees: "0.13", refund: "0.87" }],
    ["EUR, 12.5% of 10.01 × 3 rounds once on the line", "EUR", "10.01", { fees: { restocking: { type: "percent", percent: 12.5 } } }, 3, { fees: "3.75", refund: "26.28" }],
    ["JPY, 15% of ¥1,999", "JPY", "1999", { fees: { restocking: { type: "percent", percent: 15 } } }, 1, { fees: "300", refund: "1699" }],
    ["JPY, a ¥5.50 fee rounds to ¥6 per unit", "JPY", "1000", { fees: { restocking: { type: "per_item", amount: "5.50" } } }, 2, { fees: "12", refund: "1988" }],
    ["JPY, a ¥500 return label", "JPY", "1000", { fees: { returnShipping: "500" } }, 1, { fees: "500", refund: "500" }],
  ])("GIVEN %s WHEN refunded THEN fees and refund are rounded once, half away from zero", (_case, currency, price, policy, quantity, expected) => {
    const decision = evaluate({
      policy,
      order: order([line(1, { unitPrice: price, discountedUnitPrice: price, quantity: 3, fulfilledQuantity: 3 })], { currency }),
      items: [item(1, { quantity })],
    });
    expect(decision.totals.currency).toBe(currency);
    expect({ fees: decision.totals.fees.amount, refund: decision.totals.refund.amount }).toEqual(expected);
  });

  it.each([
    ["USD", "6.00", "Restocking fee for Item 1: $6.00 (15%)"],
    ["EUR", "6.00", "Restocking fee for Item 1: €6.00 (15%)"],
    ["JPY", "6", "Restocking fee for Item 1: ¥6 (15%)"],
  ])("GIVEN an order in %s WHEN the fee is explained THEN it is %s in that currency", (currency, amount, message) => {
    const decision = evaluate({
      policy: { fees: { restocking: { type: "percent", percent: 15 } } },
      order: order([line(1)], { currency }),
      items: [item(1, { quantity: 2 })],
    });
    expect(decision.fees[0]?.amount).toEqual({ amount, currency });
    expect(shopperText(decision.fees[0]?.explanations[0])).toBe(message);
  });
});
