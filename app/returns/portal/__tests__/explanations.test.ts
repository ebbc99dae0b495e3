import { describe, expect, it } from "vitest";
import { explanation, type Explanation, type ExplanationCode } from "../../explanation";
import { explain } from "../../explain";
import { shopperExplanation } from "../explanations";

const EUR = (amount: string) => ({ amount, currency: "EUR" });
const window = { title: "Shirt", lastDay: "2026-12-05", basisDate: "2026-11-05", basis: "delivered" as const, fellBackFrom: "fulfilled" as const, days: 30, rule: null };

/** One explanation of every code, so a code added to the engine without a translation fails here. */
const SAMPLES: { [Code in ExplanationCode]: Explanation } = {
  returnable_until: explanation("returnable_until", window),
  window_closed: explanation("window_closed", window),
  awaiting_basis_date: explanation("awaiting_basis_date", { title: "Shirt", basis: "delivered" }),
  returns_disabled: explanation("returns_disabled", { title: "Shirt" }),
  final_sale: explanation("final_sale", { title: "Shirt", rule: null }),
  not_returnable: explanation("not_returnable", { title: "Shirt", rule: "Swimwear" }),
  no_outcome_offered: explanation("no_outcome_offered", { title: "Shirt", rules: ["A"] }),
  not_fulfilled: explanation("not_fulfilled", { title: "Shirt" }),
  already_returned: explanation("already_returned", { title: "Shirt", returnedQuantity: 1 }),
  quantity_exceeds: explanation("quantity_exceeds", { title: "Shirt", requested: 3, returnable: 2 }),
  unknown_item: explanation("unknown_item", { lineItemId: "gid://shopify/LineItem/1" }),
  reason_not_offered: explanation("reason_not_offered", { title: "Shirt", reason: "unwanted" }),
  needs_photo: explanation("needs_photo", { title: "Shirt", reason: "defective", minPhotos: 2, photoCount: 0 }),
  needs_note: explanation("needs_note", { title: "Shirt", reason: "other", minLength: 10 }),
  exchange_only: explanation("exchange_only", { title: "Shirt", rule: "Sale" }),
  store_credit_only: explanation("store_credit_only", { title: "Shirt", rule: "Sale" }),
  exchange_or_store_credit_only: explanation("exchange_or_store_credit_only", { title: "Shirt", rules: ["A", "B"] }),
  keep_it: explanation("keep_it", { title: "Shirt", reason: "wrong_item", maxUnitValue: EUR("10.00") }),
  restocking_fee: explanation("restocking_fee", { title: "Shirt", fee: EUR("4.00"), percent: 10, rule: null }),
  handling_fee: explanation("handling_fee", { title: "Shirt", fee: EUR("2.00"), rule: "Bulky" }),
  return_shipping_fee: explanation("return_shipping_fee", { fee: EUR("4.95"), method: "mail_label" }),
  fee_waived: explanation("fee_waived", { fee: "restocking", title: "Shirt", amount: EUR("4.00"), because: "reason", reason: "defective" }),
  fee_capped: explanation("fee_capped", { fee: "return_shipping", title: null, amount: EUR("9.00"), cappedTo: EUR("5.00") }),
  store_credit_bonus: explanation("store_credit_bonus", { percent: 10, bonus: EUR("3.51") }),
  exchange_bonus: explanation("exchange_bonus", { percent: 5, bonus: EUR("2.00") }),
  exchange_difference_due: explanation("exchange_difference_due", { amount: EUR("2.00") }),
  exchange_costs_more: explanation("exchange_costs_more", { amount: EUR("2.00") }),
  exchange_difference_refunded: explanation("exchange_difference_refunded", { amount: EUR("2.00") }),
  exchange_difference_credited: explanation("exchange_difference_credited", { amount: EUR("2.00") }),
  exchange_difference_forfeited: explanation("exchange_difference_forfeited", { amount: EUR("2.00") }),
  exchange_product_not_allowed: explanation("exchange_product_not_allowed", { title: "Hat" }),
  outcome_not_allowed: explanation("outcome_not_allowed", { outcome: "refund", allowed: ["exchange", "store_credit"] }),
  outcomes_conflict: explanation("outcomes_conflict", { titles: ["Shirt", "Hat"] }),
  method_required: explanation("method_required", {}),
  method_not_offered: explanation("method_not_offered", { method: "drop_off" }),
  auto_approved: explanation("auto_approved", { rule: 1 }),
  needs_review: explanation("needs_review", {}),
};

const context = { timeZone: "Europe/Berlin", now: new Date("2026-11-20T12:00:00Z") };

describe("shopper explanations in the portal's languages", () => {
  it("GIVEN English WHEN rendered THEN it is explain.ts's shopper text", () => {
    expect(shopperExplanation(SAMPLES.final_sale, "en", context)).toBe(explain(SAMPLES.final_sale, { audience: "shopper", ...context }));
  });

  it.each(["de", "fr", "es"] as const)("GIVEN %s WHEN every code is rendered THEN each is a translated sentence with its values filled in", (locale) => {
    for (const [code, item] of Object.entries(SAMPLES)) {
      const text = shopperExplanation(item, locale, context);
      expect(text, code).not.toMatch(/undefined|NaN|\[object/);
      expect(text, code).not.toBe(explain(item, { audience: "shopper", ...context }));
    }
  });

  it.each([
    ["de", "Rückgabe möglich bis 5. Dezember (30 Tage nach Zustellung am 5. November; Versanddatum unbekannt)"],
    ["fr", "Retour possible jusqu'au 5 décembre (30 jours après la livraison le 5 novembre ; date d'expédition inconnue)"],
    ["es", "Se puede devolver hasta el 5 de diciembre (30 días después de la entrega el 5 de noviembre; fecha de envío desconocida)"],
  ] as const)("GIVEN %s WHEN a window is explained THEN dates are local and spelled out", (locale, expected) => {
    expect(shopperExplanation(SAMPLES.returnable_until, locale, context)).toBe(expected);
  });

  it("GIVEN German WHEN money and reasons are explained THEN amounts and reason names are German", () => {
    expect(shopperExplanation(SAMPLES.store_credit_bonus, "de", context).replaceAll("\u00a0", " ")).toBe("Guthaben erhält 10 % Bonus: 3,51 € zusätzlich");
    expect(shopperExplanation(SAMPLES.needs_photo, "de", context)).toBe("Bitte füge 2 Fotos von Shirt hinzu — nötig beim Grund „Beschädigt oder defekt“");
  });
});
