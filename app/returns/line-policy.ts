import { type Explanation, explanation } from "./explanation";
import type { ReturnOrderLine } from "./order-schema";
import type { FeeSpec, Outcome, ReturnPolicy, RuleEffect } from "./policy-schema";
import { matchingRules } from "./rule-matching";

/** The policy as it applies to one order line, after its product rules. */
export interface LinePolicy {
  /** Set when the line is final sale; `rule` is null when the order itself marked it. */
  finalSale: { rule: string | null } | null;
  nonReturnable: { rule: string } | null;
  windowDays: number;
  /** The rule whose window replaced the policy's. */
  windowRule: string | null;
  /** The outcomes this line may be settled with, in the policy's order. */
  outcomes: Outcome[];
  /** Why `outcomes` is narrower than the policy's. */
  outcomeLimit: Explanation | null;
  /** Set when limits leave no outcome the policy offers: the rules that narrowed it. */
  outcomeRules: string[];
  restockingFee: FeeSpec | null;
  restockingRule: string | null;
  handlingFees: Array<{ rule: string; amount: string }>;
}

type Effect<Type extends RuleEffect["type"]> = Extract<RuleEffect, { type: Type }>;

/** Applies the policy's product rules to a line: flags add up, the first rule with a value wins. */
export function linePolicy(policy: ReturnPolicy, line: ReturnOrderLine): LinePolicy {
  const effects = matchingRules(policy.rules, line).flatMap((rule) => rule.effects.map((effect) => ({ rule: rule.label, effect })));
  const all = <Type extends RuleEffect["type"]>(type: Type) =>
    effects.filter((entry): entry is { rule: string; effect: Effect<Type> } => entry.effect.type === type);

  const finalSaleRule = all("final_sale")[0]?.rule;
  const nonReturnableRule = all("non_returnable")[0]?.rule;
  const window = all("window_days")[0];
  const restocking = all("restocking_fee")[0];
  const { outcomes, outcomeLimit, outcomeRules } = limitOutcomes(policy.outcomes.offered, line.title, all("exchange_only"), all("store_credit_only"));

  return {
    finalSale: line.finalSaleFlag ? { rule: null } : finalSaleRule ? { rule: finalSaleRule } : null,
    nonReturnable: nonReturnableRule ? { rule: nonReturnableRule } : null,
    windowDays: window?.effect.days ?? policy.window.days,
    windowRule: window?.rule ?? null,
    outcomes,
    outcomeLimit,
    outcomeRules,
    restockingFee: restocking ? restocking.effect.fee : policy.fees.restocking,
    restockingRule: restocking?.rule ?? null,
    handlingFees: all("handling_fee").map(({ rule, effect }) => ({ rule, amount: effect.amount })),
  };
}

/**
 * Narrows the offered outcomes by exchange-only and store-credit-only rules. When both match one item the
 * merchant wants no money back either way, so the item may be exchanged or turned into store credit.
 */
function limitOutcomes(
  offered: readonly Outcome[],
  title: string,
  exchangeOnly: ReadonlyArray<{ rule: string }>,
  storeCreditOnly: ReadonlyArray<{ rule: string }>,
): { outcomes: Outcome[]; outcomeLimit: Explanation | null; outcomeRules: string[] } {
  const [exchangeRule] = exchangeOnly;
  const [creditRule] = storeCreditOnly;
  if (exchangeRule && creditRule) {
    const rules = [exchangeRule.rule, creditRule.rule];
    return {
      outcomes: offered.filter((outcome) => outcome === "exchange" || outcome === "store_credit"),
      outcomeLimit: explanation("exchange_or_store_credit_only", { title, rules }),
      outcomeRules: rules,
    };
  }
  if (exchangeRule) {
    return {
      outcomes: offered.filter((outcome) => outcome === "exchange"),
      outcomeLimit: explanation("exchange_only", { title, rule: exchangeRule.rule }),
      outcomeRules: [exchangeRule.rule],
    };
  }
  if (creditRule) {
    return {
      outcomes: offered.filter((outcome) => outcome === "store_credit"),
      outcomeLimit: explanation("store_credit_only", { title, rule: creditRule.rule }),
      outcomeRules: [creditRule.rule],
    };
  }
  return { outcomes: [...offered], outcomeLimit: null, outcomeRules: [] };
}
