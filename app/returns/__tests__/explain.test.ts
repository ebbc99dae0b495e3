import { describe, expect, it } from "vitest";
import { type Explanation, type ExplanationCode, type ExplanationParams, explanation } from "../explanation";
import { explain } from "../explain";

const NOW = new Date("2026-12-01T17:00:00Z");
const usd = (amount: string) => ({ amount, currency: "USD" });
const window = { title: "Tee", lastDay: "2026-12-24", basisDate: "2026-11-24", basis: "delivered", fellBackFrom: null, days: 30, rule: null } as const;

// A record over every code, so a new code without English texts does not compile.
const CASES: { [Code in ExplanationCode]: [ExplanationParams[Code], string, string] } = {
  returnable_until: [window, "Returnable until 24 December (30 days after delivery on 24 November)", "Returnable until 24 December (30 days after delivery on 24 November)"],
  window_closed: [
    { ...window, rule: "Holiday" },
    "The return window ended on 24 December (30 days after delivery on 24 November)",
    "Outside the return window, which ended on 24 December (30 days after delivery on 24 November); window set by rule “Holiday”",
  ],
  awaiting_basis_date: [{ title: "Tee", basis: "delivered" }, "Returns open once your order is delivered", "The return window starts at delivery, whose date is not known yet"],
  returns_disabled: [{ title: "Tee" }, "Returns can't be requested online for this store — please contact us", "Returns are turned off in the return policy"],
  final_sale: [{ title: "Tee", rule: "Clearance" }, "Final sale — this item can't be returned", "Final sale (rule “Clearance”)"],
  not_returnable: [{ title: "Tee", rule: "Hygiene" }, "This item can't be returned", "Not returnable (rule “Hygiene”)"],
  no_outcome_offered: [{ title: "Tee", rules: ["Swaps"] }, "This item can't be returned", "Not returnable: “Swaps” allow only outcomes the policy does not offer"],
  not_fulfilled: [{ title: "Tee" }, "This item hasn't shipped yet — contact us if you'd like to cancel it", "Not fulfilled yet, so nothing can be returned"],
  already_returned: [{ title: "Tee", returnedQuantity: 2 }, "Already returned", "Every fulfilled unit is already returned (2)"],
  quantity_exceeds: [{ title: "Tee", requested: 3, returnable: 1 }, "You can return up to 1 of Tee", "Asked to return 3 of Tee, but only 1 can be returned"],
  unknown_item: [{ lineItemId: "gid://shopify/LineItem/9" }, "This item isn't part of your order", "Line item gid://shopify/LineItem/9 is not in this order"],
  reason_not_offered: [{ title: "Tee", reason: "unwanted" }, "“Changed my mind” isn't accepted as a return reason — please choose another", "Reason “Changed my mind” is turned off in the return policy"],
  needs_photo: [
    { title: "Tee", reason: "defective", minPhotos: 2, photoCount: 1 },
    "Please add 2 photos of Tee — needed when the reason is “Damaged or defective”",
    "Reason “Damaged or defective” needs 2 photo(s); 1 given",
  ],
  needs_note: [
    { title: "Tee", reason: "other", minLength: 5 },
    "Please tell us more about Tee (at least 5 characters) — needed when the reason is “Other”",
    "Reason “Other” needs a note of at least 5 characters",
  ],
  exchange_only: [{ title: "Tee", rule: "Swaps" }, "Tee can be exchanged, not refunded", "Exchange only (rule “Swaps”)"],
  store_credit_only: [{ title: "Tee", rule: "Sale" }, "Tee can be returned for store credit only", "Store credit only (rule “Sale”)"],
  exchange_or_store_credit_only: [
    { title: "Tee", rules: ["Swaps", "Sale"] },
    "Tee can be exchanged or returned for store credit",
    "Rules “Swaps” and “Sale” allow only an exchange and only store credit; both are allowed",
  ],
  keep_it: [
    { title: "Tee", reason: "wrong_item", maxUnitValue: null },
    "Keep Tee — no need to send it back",
    "Keep-it: Tee is not sent back (reason “Received the wrong item”)",
  ],
  restocking_fee: [{ title: "Tee", fee: usd("3.00"), percent: 15, rule: null }, "Restocking fee for Tee: $3.00 (15%)", "Restocking fee for Tee: $3.00 (15%)"],
  handling_fee: [{ title: "Sofa", fee: usd("30.00"), rule: "Bulky" }, "Handling fee for Sofa: $30.00", "Handling fee for Sofa: $30.00 (rule “Bulky”)"],
  return_shipping_fee: [{ fee: usd("5.00"), method: "mail_label" }, "Return shipping (prepaid label): $5.00", "Return shipping (prepaid label): $5.00"],
  fee_waived: [
    { fee: "return_shipping", title: null, amount: usd("5.00"), because: "exchange", reason: null },
    "Return shipping waived for exchanges (saves $5.00)",
    "Return shipping waived for exchanges (saves $5.00)",
  ],
  fee_capped: [
    { fee: "restocking", title: "Tee", amount: usd("30.00"), cappedTo: usd("20.00") },
    "Restocking fee for Tee reduced from $30.00 to $20.00: fees never exceed what the returned items are worth",
    "Restocking fee for Tee reduced from $30.00 to $20.00: fees never exceed what the returned items are worth",
  ],
  store_credit_bonus: [{ percent: 10, bonus: usd("5.00") }, "Store credit gets a 10% bonus: $5.00 extra credit", "Store credit gets a 10% bonus: $5.00 extra credit"],
  exchange_bonus: [{ percent: 10, bonus: usd("5.00") }, "Exchanges get a 10% bonus: $5.00 extra credit", "Exchanges get a 10% bonus: $5.00 extra credit"],
  exchange_difference_due: [{ amount: usd("12.00") }, "The new items cost $12.00 more than your return — you'll pay the difference", "The shopper pays $12.00 for the difference in price"],
  exchange_costs_more: [
    { amount: usd("12.00") },
    "The new items cost $12.00 more than your return — please choose items of equal or lower value",
    "The new items cost $12.00 more and the policy does not let shoppers pay the difference",
  ],
  exchange_difference_refunded: [{ amount: usd("4.00") }, "The new items cost less: $4.00 goes back to the original payment", "The new items cost less: $4.00 goes back to the original payment"],
  exchange_difference_credited: [{ amount: usd("4.00") }, "The new items cost less: $4.00 is added as store credit", "The new items cost less: $4.00 is added as store credit"],
  exchange_difference_forfeited: [{ amount: usd("4.00") }, "The new items cost $4.00 less; the difference is not refunded", "The new items cost $4.00 less; the difference is not refunded"],
  exchange_product_not_allowed: [
    { title: "Scarf" },
    "Scarf isn't available as an exchange — choose another size or color of the item you're returning",
    "Scarf is not a variant of a returned product, and exchanges are limited to the same product",
  ],
  outcome_not_allowed: [
    { outcome: "refund", allowed: ["exchange", "store_credit"] },
    "A refund to the original payment isn't available for these items — choose exchange or store credit",
    "A refund to the original payment isn't available for these items — choose exchange or store credit",
  ],
  outcomes_conflict: [{ titles: ["Tee", "Cap"] }, "Tee and Cap can't be returned together — please return them in separate requests", "Tee and Cap allow no outcome in common"],
  method_required: [{}, "Choose how you'll send the items back", "Choose how you'll send the items back"],
  method_not_offered: [{ method: "in_store" }, "Return in store isn't available — choose another way to send the items back", "Return in store isn't available — choose another way to send the items back"],
  auto_approved: [{ rule: 1 }, "Your return is approved", "Approved automatically by auto-approval rule 1"],
  needs_review: [{}, "We'll review your request and get back to you", "Needs review: no auto-approval rule matches"],
};

const rows = Object.entries(CASES).map(([code, [params, shopper, merchant]]) => [code, explanation(code as ExplanationCode, params as never), shopper, merchant] as const);

describe("explain", () => {
  it.each(rows)("GIVEN %s WHEN rendered THEN shopper and merchant read their texts", (_code, item, shopper, merchant) => {
    expect(explain(item, { audience: "shopper", timeZone: "America/New_York", now: NOW })).toBe(shopper);
    expect(explain(item, { audience: "merchant", timeZone: "America/New_York", now: NOW })).toBe(merchant);
  });

  it.each<[string, Explanation, string]>([
    [
      "a window counted from shipping because delivery is unknown",
      explanation("returnable_until", { ...window, basis: "fulfilled", fellBackFrom: "delivered", basisDate: "2026-11-21", lastDay: "2026-12-21" }),
      "Returnable until 21 December (30 days after shipping on 21 November; delivery date unknown)",
    ],
    [
      "a window ending next year",
      explanation("returnable_until", { ...window, lastDay: "2027-01-23", days: 60 }),
      "Returnable until 23 January 2027 (60 days after delivery on 24 November)",
    ],
    ["a fee waived for a reason", explanation("fee_waived", { fee: "restocking", title: "Tee", amount: usd("2.00"), because: "reason", reason: "defective" }), "Restocking fee for Tee waived for reason “Damaged or defective” (saves $2.00)"],
    ["money in yen", explanation("exchange_bonus", { percent: 12.5, bonus: { amount: "1250", currency: "JPY" } }), "Exchanges get a 12.5% bonus: ¥1,250 extra credit"],
    ["money in euros", explanation("store_credit_bonus", { percent: 10, bonus: { amount: "1234.50", currency: "EUR" } }), "Store credit gets a 10% bonus: €1,234.50 extra credit"],
  ])("GIVEN %s WHEN rendered for the shopper THEN it reads %j", (_case, item, text) => {
    expect(explain(item, { audience: "shopper", timeZone: "America/New_York", now: NOW })).toBe(text);
  });

  it.each([
    ["Pacific/Auckland, where it is already 2027", new Date("2026-12-31T12:00:00Z"), "Pacific/Auckland", "Returnable until 24 December 2026 (30 days after delivery on 24 November 2026)"],
    ["Los Angeles, where it is still 2026", new Date("2026-12-31T12:00:00Z"), "America/Los_Angeles", "Returnable until 24 December (30 days after delivery on 24 November)"],
  ])("GIVEN the shop in %s WHEN rendering dates THEN the year shows only outside the shop's current year", (_case, now, timeZone, text) => {
    expect(explain(explanation("returnable_until", window), { audience: "shopper", timeZone, now })).toBe(text);
  });
});
