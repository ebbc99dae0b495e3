import type { Money } from "./money";
import type { Outcome, ReturnMethod, ReturnReason, WindowBasis } from "./policy-schema";

/**
 * Why the engine decided what it did, as a stable code with JSON-safe params. Codes are the contract with
 * the message catalogues (`explain.ts` renders English), so rename one only with a migration of stored
 * decisions. Dates are calendar days in the shop's time zone (YYYY-MM-DD); money is decimal text.
 */
export interface ExplanationParams {
  returnable_until: WindowParams;
  window_closed: WindowParams;
  awaiting_basis_date: { title: string; basis: WindowBasis };
  returns_disabled: { title: string };
  final_sale: { title: string; rule: string | null };
  not_returnable: { title: string; rule: string | null };
  no_outcome_offered: { title: string; rules: string[] };
  not_fulfilled: { title: string };
  already_returned: { title: string; returnedQuantity: number };
  quantity_exceeds: { title: string; requested: number; returnable: number };
  unknown_item: { lineItemId: string };
  reason_not_offered: { title: string; reason: ReturnReason };
  needs_photo: { title: string; reason: ReturnReason; minPhotos: number; photoCount: number };
  needs_note: { title: string; reason: ReturnReason; minLength: number };
  exchange_only: { title: string; rule: string };
  store_credit_only: { title: string; rule: string };
  exchange_or_store_credit_only: { title: string; rules: string[] };
  keep_it: { title: string; reason: ReturnReason; maxUnitValue: Money | null };
  restocking_fee: { title: string; fee: Money; percent: number | null; rule: string | null };
  handling_fee: { title: string; fee: Money; rule: string };
  return_shipping_fee: { fee: Money; method: ReturnMethod | null };
  fee_waived: { fee: FeeKind; title: string | null; amount: Money; because: FeeWaiverCause; reason: ReturnReason | null };
  fee_capped: { fee: FeeKind; title: string | null; amount: Money; cappedTo: Money };
  store_credit_bonus: { percent: number; bonus: Money };
  exchange_bonus: { percent: number; bonus: Money };
  exchange_difference_due: { amount: Money };
  exchange_costs_more: { amount: Money };
  exchange_difference_refunded: { amount: Money };
  exchange_difference_credited: { amount: Money };
  exchange_difference_forfeited: { amount: Money };
  exchange_product_not_allowed: { title: string };
  outcome_not_allowed: { outcome: Outcome; allowed: Outcome[] };
  outcomes_conflict: { titles: string[] };
  method_required: Record<string, never>;
  method_not_offered: { method: ReturnMethod };
  auto_approved: { rule: number };
  needs_review: Record<string, never>;
}

export interface WindowParams {
  title: string;
  /** The last calendar day a return can be started, inclusive. */
  lastDay: string;
  basisDate: string;
  /** The date the window was counted from. */
  basis: WindowBasis;
  /** The basis the policy asked for, when its date was unknown and an earlier one was used. */
  fellBackFrom: WindowBasis | null;
  days: number;
  /** The rule whose window replaced the policy's, if any. */
  rule: string | null;
}

export type FeeKind = "restocking" | "handling" | "return_shipping";
export type FeeWaiverCause = "reason" | "exchange" | "keep_it";

export type ExplanationCode = keyof ExplanationParams;

/** One explanation: a code and the params its message needs. */
export type Explanation = { [Code in ExplanationCode]: { code: Code; params: ExplanationParams[Code] } }[ExplanationCode];

/** Builds an explanation, typing `params` by `code`. */
export function explanation<Code extends ExplanationCode>(code: Code, params: ExplanationParams[Code]): Explanation {
  return { code, params } as Explanation;
}
