import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import type { ReturnPolicyInput } from "../policy-schema";
import { returnableLines } from "../returnable-lines";
import { NOW, TIME_ZONE, codes, collectionId, line, merchantText, order, productId, shopperText, variantId } from "./builders";

type Effect = NonNullable<ReturnPolicyInput["rules"]>[number]["effects"][number];
type Match = NonNullable<ReturnPolicyInput["rules"]>[number]["match"];

const swimLine = line(1, {
  title: "Swim shorts",
  collectionIds: [collectionId(5)],
  tags: ["Swim", "summer"],
  productType: "Swimwear",
  vendor: "Acme",
});

const rule = (id: string, effects: Effect[], match: Match = { tags: ["swim"] }) => ({ id, label: id, match, effects });

function onlyLine(policy: ReturnPolicyInput, lines = [swimLine], now = NOW) {
  const [first] = returnableLines(policy, order(lines), now, TIME_ZONE);
  if (!first) throw new Error("no line");
  return first;
}

describe("returnableLines: matching a rule", () => {
  it.each<[string, Match, boolean]>([
    ["its product", { productIds: [productId(1)] }, true],
    ["another product", { productIds: [productId(2)] }, false],
    ["its variant", { variantIds: [variantId(10)] }, true],
    ["another variant", { variantIds: [variantId(11)] }, false],
    ["one of its collections", { collectionIds: [collectionId(9), collectionId(5)] }, true],
    ["another collection", { collectionIds: [collectionId(9)] }, false],
    ["a tag in another case", { tags: ["SWIM"] }, true],
    ["another tag", { tags: ["winter"] }, false],
    ["its product type", { productTypes: ["swimwear"] }, true],
    ["another product type", { productTypes: ["Shoes"] }, false],
    ["its vendor", { vendors: [" acme "] }, true],
    ["another vendor", { vendors: ["Globex"] }, false],
    ["any one of several criteria", { vendors: ["Globex"], tags: ["summer"] }, true],
  ])("GIVEN a final-sale rule naming %s WHEN listing returnable lines THEN final sale applies: %s", (_case, match, matches) => {
    const result = onlyLine({ rules: [rule("Swimwear", [{ type: "final_sale" }], match)] });
    expect(result.status).toBe(matches ? "final_sale" : "eligible");
  });

  it("GIVEN a custom item without product WHEN a rule names products THEN it cannot match, but a tag rule still does", () => {
    const custom = line(1, { productId: null, variantId: null, tags: ["swim"] });
    expect(onlyLine({ rules: [rule("P", [{ type: "final_sale" }], { productIds: [productId(1)] })] }, [custom]).status).toBe("eligible");
    expect(onlyLine({ rules: [rule("T", [{ type: "final_sale" }])] }, [custom]).status).toBe("final_sale");
  });
});

describe("returnableLines: each rule effect alone", () => {
  it.each<[string, Effect, { status: string; outcomes: string[]; lastDay: string | null; codes: string[] }]>([
    ["final sale", { type: "final_sale" }, { status: "final_sale", outcomes: [], lastDay: null, codes: ["final_sale"] }],
    ["non-returnable", { type: "non_returnable" }, { status: "not_returnable", outcomes: [], lastDay: null, codes: ["not_returnable"] }],
    ["exchange only", { type: "exchange_only" }, { status: "eligible", outcomes: ["exchange"], lastDay: "2026-12-24", codes: ["returnable_until", "exchange_only"] }],
    ["store credit only", { type: "store_credit_only" }, { status: "eligible", outcomes: ["store_credit"], lastDay: "2026-12-24", codes: ["returnable_until", "store_credit_only"] }],
    ["a longer window", { type: "window_days", days: 60 }, { status: "eligible", outcomes: ["exchange", "store_credit", "refund"], lastDay: "2027-01-23", codes: ["returnable_until"] }],
    ["a shorter window", { type: "window_days", days: 5 }, { status: "outside_window", outcomes: [], lastDay: "2026-11-29", codes: ["window_closed"] }],
    ["a restocking fee", { type: "restocking_fee", fee: { type: "percent", percent: 20 } }, { status: "eligible", outcomes: ["exchange", "store_credit", "refund"], lastDay: "2026-12-24", codes: ["returnable_until"] }],
    ["a handling fee", { type: "handling_fee", amount: "15" }, { status: "eligible", outcomes: ["exchange", "store_credit", "refund"], lastDay: "2026-12-24", codes: ["returnable_until"] }],
  ])("GIVEN a rule with %s WHEN listing returnable lines THEN the line reads as expected", (_case, effect, expected) => {
    const result = onlyLine({ rules: [rule("Swimwear", [effect])] });
    expect({ status: result.status, outcomes: result.outcomes, lastDay: result.lastDay, codes: codes(result.explanations) }).toEqual(expected);
  });

  it("GIVEN no rule WHEN listing THEN the line is returnable until 24 December, 30 days after delivery, with every outcome", () => {
    const result = onlyLine({});
    expect(result).toMatchObject({ status: "eligible", returnableQuantity: 2, lastDay: "2026-12-24", outcomes: ["exchange", "store_credit", "refund"] });
    expect(result.closesAt?.toISOString()).toBe("2026-12-25T05:00:00.000Z");
    expect(shopperText(result.explanations[0])).toBe("Returnable until 24 December (30 days after delivery on 24 November)");
  });
});

describe("returnableLines: rules combined (precedence)", () => {
  it.each<[string, ReturnPolicyInput, string, string[], string]>([
    [
      "final sale and a longer window",
      { rules: [rule("Holiday", [{ type: "window_days", days: 365 }]), rule("Swimwear", [{ type: "final_sale" }])] },
      "final_sale",
      [],
      "Final sale (rule “Swimwear”)",
    ],
    [
      "final sale and non-returnable",
      { rules: [rule("Hygiene", [{ type: "non_returnable" }]), rule("Clearance", [{ type: "final_sale" }])] },
      "final_sale",
      [],
      "Final sale (rule “Clearance”)",
    ],
    [
      "non-returnable and exchange only",
      { rules: [rule("Swaps", [{ type: "exchange_only" }]), rule("Hygiene", [{ type: "non_returnable" }])] },
      "not_returnable",
      [],
      "Not returnable (rule “Hygiene”)",
    ],
    [
      "exchange only and store credit only",
      { rules: [rule("Swaps", [{ type: "exchange_only" }]), rule("Credit", [{ type: "store_credit_only" }])] },
      "eligible",
      ["exchange", "store_credit"],
      "Rules “Swaps” and “Credit” allow only an exchange and only store credit; both are allowed",
    ],
    [
      "exchange only where the policy offers no exchanges",
      { outcomes: { offered: ["store_credit", "refund"] }, rules: [rule("Swaps", [{ type: "exchange_only" }])] },
      "not_returnable",
      [],
      "Not returnable: “Swaps” allow only outcomes the policy does not offer",
    ],
    [
      "a shorter and a longer window, shorter first",
      { rules: [rule("Electronics", [{ type: "window_days", days: 5 }]), rule("Holiday", [{ type: "window_days", days: 60 }])] },
      "outside_window",
      [],
      "Outside the return window, which ended on 29 November (5 days after delivery on 24 November); window set by rule “Electronics”",
    ],
    [
      "a longer and a shorter window, longer first",
      { rules: [rule("Holiday", [{ type: "window_days", days: 60 }]), rule("Electronics", [{ type: "window_days", days: 5 }])] },
      "eligible",
      ["exchange", "store_credit", "refund"],
      "Returnable until 23 January 2027 (60 days after delivery on 24 November); window set by rule “Holiday”",
    ],
    [
      "one rule with several effects",
      { rules: [rule("Bulky", [{ type: "window_days", days: 14 }, { type: "store_credit_only" }, { type: "handling_fee", amount: "15" }])] },
      "eligible",
      ["store_credit"],
      "Returnable until 8 December (14 days after delivery on 24 November); window set by rule “Bulky”",
    ],
  ])("GIVEN %s WHEN listing THEN the status is %s with outcomes %j", (_case, policy, status, outcomes, merchantMessage) => {
    const result = onlyLine(policy);
    expect(result.status).toBe(status);
    expect(result.outcomes).toEqual(outcomes);
    expect(result.explanations.map((explanation) => merchantText(explanation))).toContain(merchantMessage);
  });

  it("GIVEN a line the order marks final sale WHEN no rule applies THEN it is final sale, said to come from the order", () => {
    const result = onlyLine({ rules: [rule("Holiday", [{ type: "window_days", days: 90 }])] }, [line(1, { finalSaleFlag: true })]);
    expect(result.status).toBe("final_sale");
    expect(shopperText(result.explanations[0])).toBe("Final sale — this item can't be returned");
    expect(merchantText(result.explanations[0])).toBe("Final sale (marked on the order)");
  });

  it("GIVEN returns turned off WHEN listing THEN nothing is returnable", () => {
    const result = onlyLine({ enabled: false }, [line(1)]);
    expect(result).toMatchObject({ status: "not_returnable", returnableQuantity: 0, outcomes: [] });
    expect(codes(result.explanations)).toEqual(["returns_disabled"]);
  });
});

describe("returnableLines: quantities and fulfillment", () => {
  it.each([
    ["nothing fulfilled", { quantity: 2, fulfilledQuantity: 0 }, "not_fulfilled", 0],
    ["half fulfilled", { quantity: 2, fulfilledQuantity: 1 }, "eligible", 1],
    ["all fulfilled", { quantity: 3, fulfilledQuantity: 3 }, "eligible", 3],
    ["one already returned", { quantity: 3, fulfilledQuantity: 3, alreadyReturnedQuantity: 1 }, "eligible", 2],
    ["all already returned", { quantity: 2, fulfilledQuantity: 2, alreadyReturnedQuantity: 2 }, "already_returned", 0],
    ["more returned than fulfilled", { quantity: 2, fulfilledQuantity: 1, alreadyReturnedQuantity: 2 }, "already_returned", 0],
    ["more fulfilled than ordered after an edit", { quantity: 1, fulfilledQuantity: 3 }, "eligible", 1],
    ["a removed line", { quantity: 0, fulfilledQuantity: 1 }, "not_fulfilled", 0],
  ])("GIVEN %s WHEN listing THEN the status is %s with %i returnable", (_case, quantities, status, returnable) => {
    const result = onlyLine({}, [line(1, quantities)]);
    expect(result.status).toBe(status);
    expect(result.returnableQuantity).toBe(returnable);
  });
});

describe("returnableLines: the window", () => {
  it.each<[string, ReturnPolicyInput, Parameters<typeof order>[1], string, string | null, string]>([
    ["no delivery yet, counted from shipping", {}, { deliveredAt: null }, "eligible", "2026-12-21", "Returnable until 21 December (30 days after shipping on 21 November; delivery date unknown)"],
    ["no delivery yet, waiting for it", { window: { whenBasisDateUnknown: "wait" } }, { deliveredAt: null }, "not_returnable", null, "Returns open once your order is delivered"],
    ["counted from the order", { window: { basis: "ordered", days: 10 } }, {}, "outside_window", "2026-11-30", "The return window ended on 30 November (10 days after the order on 20 November)"],
    ["counted from shipping, not shipped", { window: { basis: "fulfilled", whenBasisDateUnknown: "wait" } }, { deliveredAt: null, fulfilledAt: null }, "not_returnable", null, "Returns open once this item has shipped"],
  ])("GIVEN %s WHEN listing THEN the status is %s until %s", (_case, policy, orderOverrides, status, lastDay, shopperMessage) => {
    const [result] = returnableLines(policy, order([line(1)], orderOverrides), NOW, TIME_ZONE);
    expect(result?.status).toBe(status);
    expect(result?.lastDay).toBe(lastDay);
    expect(shopperText(result?.explanations[0])).toBe(shopperMessage);
  });

  it("GIVEN a split shipment WHEN one line arrived later THEN each line's window counts from its own delivery", () => {
    const lines = [line(1), line(2, { deliveredAt: "2026-11-28T15:00:00Z" })];
    const result = returnableLines({}, order(lines), NOW, TIME_ZONE);
    expect(result.map((entry) => entry.lastDay)).toEqual(["2026-12-24", "2026-12-28"]);
  });

  it("GIVEN the last day in New York WHEN it is 23:59 there THEN the line is returnable, and at midnight it is not", () => {
    expect(onlyLine({}, [line(1)], new Date("2026-12-25T04:59:59Z")).status).toBe("eligible");
    expect(onlyLine({}, [line(1)], new Date("2026-12-25T05:00:00Z")).status).toBe("outside_window");
  });

  it.each([
    ["an unknown time zone", () => returnableLines({}, order(), NOW, "Mars/Olympus"), "timeZone"],
    ["an order without lines", () => returnableLines({}, order([]), NOW, TIME_ZONE), "order.lines"],
    ["a price that is not an amount", () => returnableLines({}, order([line(1, { discountedUnitPrice: "free" })]), NOW, TIME_ZONE), "order.lines.0.discountedUnitPrice"],
    ["an unknown currency", () => returnableLines({}, order([line(1)], { currency: "XYZ" }), NOW, TIME_ZONE), "order.currency"],
    ["an invalid policy", () => returnableLines({ window: { days: -1 } }, order(), NOW, TIME_ZONE), "policy.window.days"],
  ])("GIVEN %s WHEN listing THEN it throws InvalidInputError naming the field", (_case, run, field) => {
    expect(run).toThrow(InvalidInputError);
    try {
      run();
    } catch (error) {
      expect(Object.keys((error as InvalidInputError).fieldErrors)).toContain(field);
    }
  });
});
