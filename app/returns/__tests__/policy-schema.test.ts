import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_POLICY, type ReturnPolicyInput, returnPolicySchema } from "../policy-schema";

const issuePaths = (input: unknown) => {
  const result = returnPolicySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

const rule = (overrides: Record<string, unknown> = {}) => ({
  id: "swim",
  label: "Swimwear",
  match: { tags: ["swim"] },
  effects: [{ type: "final_sale" }],
  ...overrides,
});

describe("returnPolicySchema", () => {
  it("GIVEN an empty document WHEN parsed THEN it is a complete policy: 30 days from delivery, three outcomes, mail label, no fees", () => {
    expect(DEFAULT_RETURN_POLICY.window).toEqual({ days: 30, basis: "delivered", whenBasisDateUnknown: "count_from_earlier_date" });
    expect(DEFAULT_RETURN_POLICY.outcomes).toEqual({ offered: ["exchange", "store_credit", "refund"], storeCreditBonusPercent: 0, exchangeBonusPercent: 0 });
    expect(DEFAULT_RETURN_POLICY.fees).toEqual({ restocking: null, returnShipping: "0", waiveForExchanges: { restocking: false, returnShipping: false } });
    expect(DEFAULT_RETURN_POLICY.methods.mail_label).toEqual({ offered: true, fee: null });
    expect(DEFAULT_RETURN_POLICY.methods.in_store).toEqual({ offered: false, fee: "0" });
    expect(DEFAULT_RETURN_POLICY.exchange).toEqual({ scope: "same_product", whenNewItemsCostMore: "shopper_pays", whenNewItemsCostLess: "store_credit" });
    expect(DEFAULT_RETURN_POLICY.rules).toEqual([]);
    expect(DEFAULT_RETURN_POLICY.keepIt).toEqual([]);
    expect(DEFAULT_RETURN_POLICY.autoApproval).toEqual([]);
  });

  it.each([
    ["defective", { photoRequired: true, noteRequired: true, minNoteLength: 10, waivesFees: true }],
    ["wrong_item", { photoRequired: true, noteRequired: false, waivesFees: true }],
    ["not_as_described", { photoRequired: false, noteRequired: true, minNoteLength: 10, waivesFees: false }],
    ["other", { photoRequired: false, noteRequired: true, minNoteLength: 5, waivesFees: false }],
    ["size_too_small", { photoRequired: false, noteRequired: false, waivesFees: false }],
  ] as const)("GIVEN the default policy THEN reason %s has its default requirements", (reason, expected) => {
    expect(DEFAULT_RETURN_POLICY.reasons[reason]).toMatchObject({ offered: true, ...expected });
  });

  it("GIVEN one reason changed WHEN parsed THEN the other reasons keep their defaults", () => {
    const policy = returnPolicySchema.parse({ reasons: { unwanted: { offered: false } } });
    expect(policy.reasons.unwanted.offered).toBe(false);
    expect(policy.reasons.defective.waivesFees).toBe(true);
  });

  it("GIVEN a parsed policy WHEN parsed again THEN it is unchanged (stored documents round-trip)", () => {
    const policy = returnPolicySchema.parse({ rules: [rule()], keepIt: [{ maxUnitValue: "10" }], fees: { restocking: { type: "percent", percent: 12.5 } } });
    expect(returnPolicySchema.parse(policy)).toEqual(policy);
  });

  it.each<[string, string, ReturnPolicyInput | Record<string, unknown>]>([
    ["a window longer than two years", "window.days", { window: { days: 731 } }],
    ["a fractional window", "window.days", { window: { days: 1.5 } }],
    ["an unknown basis", "window.basis", { window: { basis: "shipped" } }],
    ["a rule that matches nothing", "rules.0.match", { rules: [rule({ match: {} })] }],
    ["a rule without effects", "rules.0.effects", { rules: [rule({ effects: [] })] }],
    ["an unknown effect", "rules.0.effects.0.type", { rules: [rule({ effects: [{ type: "half_price" }] })] }],
    ["a product id that is not a gid", "rules.0.match.productIds.0", { rules: [rule({ match: { productIds: ["123"] } })] }],
    ["two rules with one id", "rules.1.id", { rules: [rule(), rule()] }],
    ["a percent with three decimals", "fees.restocking.percent", { fees: { restocking: { type: "percent", percent: 12.345 } } }],
    ["a percent over 100", "outcomes.storeCreditBonusPercent", { outcomes: { storeCreditBonusPercent: 101 } }],
    ["a negative fee", "fees.returnShipping", { fees: { returnShipping: "-5" } }],
    ["an amount with a comma", "fees.returnShipping", { fees: { returnShipping: "5,00" } }],
    ["a keep-it rule with no condition", "keepIt.0", { keepIt: [{}] }],
    ["an auto-approval rule with no condition", "autoApproval.0", { autoApproval: [{}] }],
    ["no outcome offered", "outcomes.offered", { outcomes: { offered: [] } }],
    ["an outcome listed twice", "outcomes.offered", { outcomes: { offered: ["refund", "refund"] } }],
    ["no method offered", "methods", { methods: { mail_label: { offered: false } } }],
    ["an unknown reason", "reasons", { reasons: { too_expensive: {} } }],
    ["a misspelt match field", "rules.0.match", { rules: [rule({ match: { tags: ["swim"], tag: ["x"] } })] }],
  ])("GIVEN %s WHEN parsed THEN it is refused at %j", (_case, path, input) => {
    const paths = issuePaths(input);
    expect(paths.length).toBeGreaterThan(0);
    if (path) expect(paths).toContain(path);
  });
});
