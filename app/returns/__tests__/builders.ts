import type { z } from "zod";
import { type ReturnDecision, type ReturnEvaluationInput, evaluateReturnRequest } from "../evaluate";
import type { Explanation } from "../explanation";
import { explain } from "../explain";
import type { returnOrderLineSchema, ReturnOrderInput } from "../order-schema";
import type { ReturnPolicyInput } from "../policy-schema";
import type { ReturnRequestInput } from "../request-schema";

type LineInput = z.input<typeof returnOrderLineSchema>;
type ItemInput = ReturnRequestInput["items"][number];

/** A Tuesday in December, after the default order's delivery on 24 November. */
export const NOW = new Date("2026-12-01T17:00:00Z");
export const TIME_ZONE = "America/New_York";

export const lineId = (n: number) => `gid://shopify/LineItem/${n}`;
export const productId = (n: number) => `gid://shopify/Product/${n}`;
export const variantId = (n: number) => `gid://shopify/ProductVariant/${n}`;
export const collectionId = (n: number) => `gid://shopify/Collection/${n}`;

/** Order line n: two units of "Item n", listed at 25.00, paid 20.00 each, both fulfilled. */
export function line(n: number, overrides: Partial<LineInput> = {}): LineInput {
  return {
    lineItemId: lineId(n),
    productId: productId(n),
    variantId: variantId(n * 10),
    collectionIds: [],
    tags: [],
    productType: "Shirts",
    vendor: "Acme",
    title: `Item ${n}`,
    unitPrice: "25.00",
    discountedUnitPrice: "20.00",
    quantity: 2,
    fulfilledQuantity: 2,
    alreadyReturnedQuantity: 0,
    ...overrides,
  };
}

/** An order placed 20 November, shipped 21 November, delivered 24 November (New York afternoon), in USD. */
export function order(lines: LineInput[] = [line(1)], overrides: Partial<ReturnOrderInput> = {}): ReturnOrderInput {
  return {
    id: "gid://shopify/Order/1001",
    processedAt: "2026-11-20T15:00:00Z",
    fulfilledAt: "2026-11-21T15:00:00Z",
    deliveredAt: "2026-11-24T15:00:00Z",
    currency: "USD",
    lines,
    ...overrides,
  };
}

/** One unit of line n, too small. */
export function item(n: number, overrides: Partial<ItemInput> = {}): ItemInput {
  return { lineItemId: lineId(n), quantity: 1, reason: "size_too_small", ...overrides };
}

export interface Scenario {
  policy?: ReturnPolicyInput;
  order?: ReturnOrderInput;
  items?: ItemInput[];
  outcome?: ReturnRequestInput["outcome"];
  exchange?: ReturnRequestInput["exchange"];
  method?: ReturnRequestInput["method"] | null;
  now?: Date;
  timeZone?: string;
}

/** The evaluation input of a scenario: by default one unit of line 1, refunded, sent back by mail. */
export function input(scenario: Scenario = {}): ReturnEvaluationInput {
  const method = scenario.method === undefined ? "mail_label" : (scenario.method ?? undefined);
  return {
    policy: scenario.policy ?? {},
    order: scenario.order ?? order(),
    request: { items: scenario.items ?? [item(1)], outcome: scenario.outcome ?? "refund", exchange: scenario.exchange, method },
    now: scenario.now ?? NOW,
    timeZone: scenario.timeZone ?? TIME_ZONE,
  };
}

/** Evaluates a scenario. */
export function evaluate(scenario: Scenario = {}): ReturnDecision {
  return evaluateReturnRequest(input(scenario));
}

/** An explanation as the shopper reads it. */
export function shopperText(explanation: Explanation | null | undefined, now = NOW, timeZone = TIME_ZONE): string {
  if (!explanation) throw new Error("expected an explanation");
  return explain(explanation, { audience: "shopper", now, timeZone });
}

/** An explanation as the merchant reads it. */
export function merchantText(explanation: Explanation | null | undefined, now = NOW, timeZone = TIME_ZONE): string {
  if (!explanation) throw new Error("expected an explanation");
  return explain(explanation, { audience: "merchant", now, timeZone });
}

/** The decimal amounts of a decision's totals, for compact assertions. */
export function amounts(decision: ReturnDecision): Record<string, string> {
  const { currency: _currency, ...totals } = decision.totals;
  return Object.fromEntries(Object.entries(totals).map(([key, value]) => [key, value.amount]));
}

/** The codes of explanations. */
export const codes = (explanations: readonly (Explanation | null)[]) => explanations.map((explanation) => explanation?.code ?? null);
