import type { ReturnOrderLine } from "./order-schema";
import type { ProductRule, RuleMatch } from "./policy-schema";

// Shopify treats tags, product types and vendors case-insensitively ("Sale" and "sale" are one tag).
const normalise = (text: string) => text.trim().toLowerCase();

function overlaps(wanted: readonly string[], actual: readonly (string | null)[]): boolean {
  if (wanted.length === 0) return false;
  const present = new Set(actual.filter((value): value is string => value !== null).map(normalise));
  return wanted.some((value) => present.has(normalise(value)));
}

/** Whether a rule's match names the line by product, variant, collection, tag, product type or vendor. */
export function ruleMatchesLine(match: RuleMatch, line: ReturnOrderLine): boolean {
  return (
    (line.productId !== null && match.productIds.includes(line.productId)) ||
    (line.variantId !== null && match.variantIds.includes(line.variantId)) ||
    match.collectionIds.some((id) => line.collectionIds.includes(id)) ||
    overlaps(match.tags, line.tags) ||
    overlaps(match.productTypes, [line.productType]) ||
    overlaps(match.vendors, [line.vendor])
  );
}

/** The rules that apply to a line, in the policy's (priority) order. */
export function matchingRules(rules: readonly ProductRule[], line: ReturnOrderLine): ProductRule[] {
  return rules.filter((rule) => ruleMatchesLine(rule.match, line));
}
