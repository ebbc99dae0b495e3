/**
 * Why the engine chose or rejected an offer, as stable codes with parameters: the admin UI turns them into
 * sentences, logs and tests compare them as data.
 */

export type RejectionCode =
  | "not_active"
  | "surface_not_enabled"
  | "not_started"
  | "ended"
  | "targeting_not_met"
  | "max_per_customer_reached"
  | "accept_limit_reached"
  | "discount_budget_exhausted"
  | "no_active_arm"
  | "variant_unavailable"
  | "out_of_stock"
  | "already_in_order"
  | "no_recommendation_available"
  | "outranked";

export type ChoiceCode =
  | "only_eligible_offer"
  | "highest_priority"
  | "highest_expected_value"
  | "lowest_offer_id"
  | "ab_arm_assigned"
  | "recommended_for_order"
  | "discount_capped_at_price"
  | "discount_capped_at_merchant_max";

export type ReasonParams = Readonly<Record<string, string | number | readonly string[]>>;

export interface Reason<Code extends string = RejectionCode | ChoiceCode> {
  readonly code: Code;
  readonly params: ReasonParams;
}

/** A reason with its parameters (none by default). */
export function reason<Code extends RejectionCode | ChoiceCode>(code: Code, params: ReasonParams = {}): Reason<Code> {
  return { code, params };
}
