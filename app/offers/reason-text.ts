import { type Reason } from "./reasons";

/** The engine's reason codes as sentences a merchant reads in the simulator. */
export function describeReason({ code, params }: Reason): string {
  const p = (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value.join(", ") : String(value ?? "");
  };
  switch (code) {
    case "not_active":
      return `The offer is ${p("status")}.`;
    case "surface_not_enabled":
      return `The offer is not shown on the ${p("surface").replace("_", " ")} surface.`;
    case "not_started":
      return `The offer starts at ${p("startsAt")} (${p("timeZone")}).`;
    case "ended":
      return `The offer ended at ${p("endsAt")} (${p("timeZone")}).`;
    case "targeting_not_met":
      return `The order does not match the targeting rules (failed: ${p("failed")}).`;
    case "max_per_customer_reached":
      return `This customer already accepted it ${p("accepted")} time(s); the limit is ${p("max")}.`;
    case "accept_limit_reached":
      return `It was accepted ${p("accepted")} time(s); the limit is ${p("max")}.`;
    case "discount_budget_exhausted":
      return "Its discount budget is used up.";
    case "no_active_arm":
      return "Every A/B version is paused (weight 0).";
    case "variant_unavailable":
      return `The variant ${p("variantId")} no longer exists or its product is not active.`;
    case "out_of_stock":
      return `Not enough stock (${p("available")} available).`;
    case "already_in_order":
      return "The product is already in the order.";
    case "no_recommendation_available":
      return `None of the ${p("candidates")} recommended products is available.`;
    case "outranked":
      return `Another eligible offer (${p("by")}) ranks higher.`;
    case "only_eligible_offer":
      return "It is the only eligible offer.";
    case "highest_priority":
      return `It has the highest priority (${p("priority")}); runner-up: ${p("runnerUp")}.`;
    case "highest_expected_value":
      return `Same priority, but it is expected to earn more per view than ${p("runnerUp")}.`;
    case "lowest_offer_id":
      return `Tied with ${p("runnerUp")}; the lower id wins so the choice is stable.`;
    case "ab_arm_assigned":
      return `This shopper is in A/B version "${p("arm")}".`;
    case "recommended_for_order":
      return `Recommended for this order (rank ${Number(p("rank")) + 1}).`;
    case "discount_capped_at_price":
      return "The discount is capped at the product's price.";
    case "discount_capped_at_merchant_max":
      return "The discount is capped at your maximum discount.";
  }
}
