import { type Explanation, explanation } from "./explanation";
import { type LinePolicy, linePolicy } from "./line-policy";
import type { ReturnOrder, ReturnOrderLine } from "./order-schema";
import type { ReturnPolicy } from "./policy-schema";
import { type ReturnWindow, returnWindow } from "./return-window";

/** Whether an order line can be returned at all, before the shopper says how many or why. */
export type LineStatus = "eligible" | "final_sale" | "not_returnable" | "not_fulfilled" | "already_returned" | "outside_window";

export interface LineEligibility {
  line: ReturnOrderLine;
  rules: LinePolicy;
  status: LineStatus;
  /** The headline: "returnable until …" when eligible, otherwise why not. */
  explanation: Explanation;
  /** Units that can still be returned; 0 unless eligible. */
  returnableQuantity: number;
  window: ReturnWindow | null;
}

/**
 * Decides a line's eligibility. Checks run from the most permanent to the most temporary, so the shopper
 * hears the reason that will not change: a final-sale item is "final sale" even inside a longer window.
 */
export function lineEligibility(policy: ReturnPolicy, order: ReturnOrder, line: ReturnOrderLine, now: Date, timeZone: string): LineEligibility {
  const rules = linePolicy(policy, line);
  const { title } = line;
  const ineligible = (status: LineStatus, reason: Explanation, window: ReturnWindow | null = null): LineEligibility => ({
    line,
    rules,
    status,
    explanation: reason,
    returnableQuantity: 0,
    window,
  });

  if (!policy.enabled) return ineligible("not_returnable", explanation("returns_disabled", { title }));
  if (rules.finalSale) return ineligible("final_sale", explanation("final_sale", { title, rule: rules.finalSale.rule }));
  if (rules.nonReturnable) return ineligible("not_returnable", explanation("not_returnable", { title, rule: rules.nonReturnable.rule }));
  if (rules.outcomes.length === 0) return ineligible("not_returnable", explanation("no_outcome_offered", { title, rules: rules.outcomeRules }));

  // Shopify can report more fulfilled than ordered after an edit removed units; only units both bought and shipped count.
  const shipped = Math.min(line.quantity, line.fulfilledQuantity);
  if (shipped === 0) return ineligible("not_fulfilled", explanation("not_fulfilled", { title }));
  const returnableQuantity = Math.max(0, shipped - line.alreadyReturnedQuantity);
  if (returnableQuantity === 0) {
    return ineligible("already_returned", explanation("already_returned", { title, returnedQuantity: line.alreadyReturnedQuantity }));
  }

  const dates = {
    processedAt: order.processedAt,
    fulfilledAt: line.fulfilledAt ?? order.fulfilledAt,
    deliveredAt: line.deliveredAt ?? order.deliveredAt,
  };
  const window = returnWindow(policy.window, rules.windowDays, dates, now, timeZone);
  if (window.state === "awaiting_basis_date") {
    return ineligible("not_returnable", explanation("awaiting_basis_date", { title, basis: window.basis }), window);
  }
  const windowParams = {
    title,
    lastDay: window.lastDay,
    basisDate: window.basisDate,
    basis: window.basis,
    fellBackFrom: window.fellBackFrom,
    days: window.days,
    rule: rules.windowRule,
  };
  if (window.state === "closed") return ineligible("outside_window", explanation("window_closed", windowParams), window);
  return { line, rules, status: "eligible", explanation: explanation("returnable_until", windowParams), returnableQuantity, window };
}
