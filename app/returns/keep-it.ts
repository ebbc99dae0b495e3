import { type Explanation, explanation } from "./explanation";
import { type Minor, money, toMinor } from "./money";
import type { KeepItRule, ReturnReason } from "./policy-schema";

/**
 * Whether the shopper keeps an item instead of sending it back (shipping it would cost more than it is
 * worth, or it is damaged): the first keep-it rule whose value limit and reasons both fit. Returns the
 * explanation, or null when the item travels back.
 */
export function keepItDecision(
  rules: readonly KeepItRule[],
  item: { title: string; reason: ReturnReason; unitValue: Minor },
  currency: string,
): Explanation | null {
  const rule = rules.find(
    (candidate) =>
      (candidate.maxUnitValue === null || item.unitValue <= toMinor(candidate.maxUnitValue, currency)) &&
      (candidate.reasons.length === 0 || candidate.reasons.includes(item.reason)),
  );
  if (!rule) return null;
  const maxUnitValue = rule.maxUnitValue === null ? null : money(toMinor(rule.maxUnitValue, currency), currency);
  return explanation("keep_it", { title: item.title, reason: item.reason, maxUnitValue });
}
