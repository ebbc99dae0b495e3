import { type Explanation, explanation } from "./explanation";
import type { ReturnPolicy } from "./policy-schema";
import type { PricedItem } from "./priced-item";
import type { ExchangeItem } from "./request-schema";

/** The exchange items the policy's scope forbids: with "same_product", only variants of a returned product. */
export function exchangeScopeProblems(policy: ReturnPolicy, returned: readonly PricedItem[], exchangeItems: readonly ExchangeItem[]): Explanation[] {
  if (policy.exchange.scope === "any_product") return [];
  const returnedProducts = new Set(returned.map((item) => item.productId));
  return exchangeItems
    .filter((item) => !returnedProducts.has(item.productId))
    .map((item) => explanation("exchange_product_not_allowed", { title: item.title }));
}
