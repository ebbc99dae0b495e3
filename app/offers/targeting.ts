import { toMinorUnits } from "./money";
import { type OfferOrder } from "./selection-input";
import { type TargetingCondition, type TargetingRule } from "./targeting-schema";

export interface RuleOutcome {
  matched: boolean;
  /** The leaf conditions that decided a non-match ("not:" marks a negated one that matched). */
  failed: string[];
}

/** Whether an order satisfies a targeting rule, and which conditions stood in the way when it does not. */
export function evaluateRule(rule: TargetingRule, order: OfferOrder): RuleOutcome {
  if ("all" in rule) {
    const outcomes = rule.all.map((child) => evaluateRule(child, order));
    return { matched: outcomes.every((o) => o.matched), failed: outcomes.flatMap((o) => o.failed) };
  }
  if ("any" in rule) {
    const outcomes = rule.any.map((child) => evaluateRule(child, order));
    const matched = outcomes.some((o) => o.matched);
    return { matched, failed: matched ? [] : outcomes.flatMap((o) => o.failed) };
  }
  if ("not" in rule) {
    const inner = evaluateRule(rule.not, order);
    return { matched: !inner.matched, failed: inner.matched ? [`not:${describe(rule.not)}`] : [] };
  }
  const matched = conditionHolds(rule, order);
  return { matched, failed: matched ? [] : [rule.type] };
}

function describe(rule: TargetingRule): string {
  if ("all" in rule) return "all";
  if ("any" in rule) return "any";
  if ("not" in rule) return "not";
  return rule.type;
}

function conditionHolds(condition: TargetingCondition, order: OfferOrder): boolean {
  switch (condition.type) {
    case "products_in_order":
      return order.lines.some((line) => line.productId !== null && condition.productIds.includes(line.productId));
    case "collections_in_order":
      return order.lines.some((line) => line.collectionIds.some((id) => condition.collectionIds.includes(id)));
    case "product_tags_in_order":
      return order.lines.some((line) => intersects(line.tags, condition.tags));
    case "order_value": {
      const total = toMinorUnits(order.totalPrice, order.currency);
      return withinBounds(
        total,
        condition.min === undefined ? undefined : toMinorUnits(condition.min, order.currency),
        condition.max === undefined ? undefined : toMinorUnits(condition.max, order.currency),
      );
    }
    case "customer_tags":
      return intersects(order.customer.tags, condition.tags);
    case "customer_order_count":
      return withinBounds(order.customer.ordersCount, condition.min, condition.max);
    case "shipping_country":
      return order.shippingCountry !== null && condition.countries.includes(order.shippingCountry.toUpperCase());
    case "discount_code_used":
      return condition.codes.length === 0 ? order.discountCodes.length > 0 : intersects(order.discountCodes, condition.codes);
  }
}

function withinBounds(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** Shopify tags and discount codes compare case-insensitively and ignore surrounding spaces. */
function intersects(values: readonly string[], wanted: readonly string[]): boolean {
  const normalised = new Set(values.map(normalise));
  return wanted.some((value) => normalised.has(normalise(value)));
}

function normalise(value: string): string {
  return value.trim().toLowerCase();
}

/** Whether a rule has a condition of `type` anywhere in it (so the facts it needs are worth loading). */
export function ruleUses(rule: TargetingRule, type: TargetingCondition["type"]): boolean {
  if ("all" in rule) return rule.all.some((child) => ruleUses(child, type));
  if ("any" in rule) return rule.any.some((child) => ruleUses(child, type));
  if ("not" in rule) return ruleUses(rule.not, type);
  return rule.type === type;
}
