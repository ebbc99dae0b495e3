import type { Explanation } from "./explanation";
import type { EligibleItem } from "./item-eligibility";
import { keepItDecision } from "./keep-it";
import type { LinePolicy } from "./line-policy";
import { type Minor, toMinor } from "./money";
import type { ReturnPolicy, ReturnReason } from "./policy-schema";

/** An eligible requested item with what the shopper paid for it, ready for fees and totals. */
export interface PricedItem {
  lineItemId: string;
  productId: string | null;
  title: string;
  quantity: number;
  reason: ReturnReason;
  /** What one unit cost after discounts. */
  unitValue: Minor;
  /** unitValue × quantity: the most this item can give back. */
  value: Minor;
  /** Why the shopper keeps the item, or null when it travels back. */
  keepIt: Explanation | null;
  rules: LinePolicy;
}

/** Prices an eligible item from its order line and decides whether the shopper keeps it. */
export function priceItem(policy: ReturnPolicy, checked: EligibleItem, currency: string): PricedItem {
  const { item, line } = checked;
  const unitValue = toMinor(line.line.discountedUnitPrice, currency);
  return {
    lineItemId: item.lineItemId,
    productId: line.line.productId,
    title: line.line.title,
    quantity: item.quantity,
    reason: item.reason,
    unitValue,
    value: unitValue * BigInt(item.quantity),
    keepIt: keepItDecision(policy.keepIt, { title: line.line.title, reason: item.reason, unitValue }, currency),
    rules: line.rules,
  };
}
