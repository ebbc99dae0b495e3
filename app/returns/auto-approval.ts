import { type Explanation, explanation } from "./explanation";
import { type Minor, toMinor } from "./money";
import type { Outcome, ReturnPolicy, ReturnReason } from "./policy-schema";

interface ApprovalFacts {
  outcome: Outcome;
  /** What the returned items are worth in total. */
  itemsValue: Minor;
  reasons: readonly ReturnReason[];
  currency: string;
}

/** Whether a submittable request is approved without review: some auto-approval rule's every condition holds. */
export function autoApproval(policy: ReturnPolicy, facts: ApprovalFacts): { approved: boolean; explanation: Explanation } {
  const index = policy.autoApproval.findIndex(
    (rule) =>
      (rule.outcomes.length === 0 || rule.outcomes.includes(facts.outcome)) &&
      (rule.maxValue === null || facts.itemsValue <= toMinor(rule.maxValue, facts.currency)) &&
      (rule.reasons.length === 0 || facts.reasons.every((reason) => rule.reasons.includes(reason))),
  );
  if (index === -1) return { approved: false, explanation: explanation("needs_review", {}) };
  return { approved: true, explanation: explanation("auto_approved", { rule: index + 1 }) };
}
