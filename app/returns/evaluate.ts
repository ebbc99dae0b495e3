import { z } from "zod";
import { autoApproval } from "./auto-approval";
import { exchangeScopeProblems } from "./exchange-scope";
import { type Explanation, explanation } from "./explanation";
import { type FeeLine, assessFees } from "./fees";
import { type CheckedItem, type ItemStatus, checkItem, isEligible } from "./item-eligibility";
import { lineEligibility } from "./line-eligibility";
import { type Money, money, percentOf, sumMinor } from "./money";
import { returnOrderSchema, timeZoneSchema } from "./order-schema";
import { parseInput } from "./parse-input";
import { type Outcome, type ReturnMethod, type ReturnPolicy, type ReturnReason, returnPolicySchema } from "./policy-schema";
import { type PricedItem, priceItem } from "./priced-item";
import { type ReturnRequest, returnRequestSchema } from "./request-schema";
import { settle } from "./settlement";

/** Everything the engine needs to decide a return request; `now` and `timeZone` make it deterministic. */
export const returnEvaluationInputSchema = z.object({
  policy: returnPolicySchema,
  order: returnOrderSchema,
  request: returnRequestSchema,
  now: z.date(),
  /** The shop's IANA time zone: windows end at local midnight. */
  timeZone: timeZoneSchema,
});
export type ReturnEvaluationInput = z.input<typeof returnEvaluationInputSchema>;

/** The decision on one requested item. */
export interface ItemDecision {
  lineItemId: string;
  /** null when the line item is not part of the order. */
  title: string | null;
  quantity: number;
  reason: ReturnReason;
  status: ItemStatus;
  /** What the shopper paid for these units; zero unless eligible. */
  value: Money;
  /** The shopper keeps the item: nothing is sent back. */
  keepIt: boolean;
  /** The outcomes this item may be settled with; empty unless eligible. */
  outcomes: Outcome[];
  /** The status first ("Returnable until …" or why not), then keep-it and outcome limits. */
  explanations: Explanation[];
}

/** An outcome the shopper may pick, with the bonus credit it would bring. */
export interface OutcomeOffer {
  outcome: Outcome;
  bonusPercent: number;
  /** The most bonus credit this outcome can add (an exchange's bonus only counts toward new items). */
  bonus: Money;
}

/** The money of a decision, as decimal text in the order's currency. */
export interface ReturnTotals {
  currency: string;
  /** What the shopper paid for the eligible returned items. */
  itemsValue: Money;
  /** Fees deducted. */
  fees: Money;
  /** Back to the original payment. */
  refund: Money;
  /** Store credit issued, bonus included. */
  storeCredit: Money;
  /** The bonus part of store credit, or bonus applied to an exchange's new items. */
  bonusCredit: Money;
  exchangeValue: Money;
  /** What the shopper pays on top of the return. */
  amountDue: Money;
}

export interface ReturnDecision {
  /** Whether a return request can be created: every item eligible and no problem with the request. */
  submittable: boolean;
  items: ItemDecision[];
  /** Outcomes every eligible item allows, in the policy's order. */
  allowedOutcomes: OutcomeOffer[];
  fees: FeeLine[];
  totals: ReturnTotals;
  /** Whether a submittable request needs no review; false when not submittable. */
  autoApprove: boolean;
  /** Which auto-approval rule matched, or that it needs review; null when not submittable. */
  approval: Explanation | null;
  /** Why the request as a whole cannot be submitted (item problems are on the items). */
  problems: Explanation[];
  /** What else the shopper and merchant should know: bonus credit, exchange price differences. */
  notes: Explanation[];
}

/**
 * Decides a return request against the shop's policy: each item's eligibility, the outcomes allowed,
 * itemised fees, totals, keep-it and auto-approval, each with an explanation. Pure; throws
 * InvalidInputError when the input is malformed (unknown reason, fractional or non-positive quantity, …).
 */
export function evaluateReturnRequest(rawInput: ReturnEvaluationInput): ReturnDecision {
  const { policy, order, request, now, timeZone } = parseInput(returnEvaluationInputSchema, rawInput);
  const { currency } = order;
  const lines = new Map(order.lines.map((line) => [line.lineItemId, lineEligibility(policy, order, line, now, timeZone)]));
  const checked = request.items.map((item) => checkItem(policy, lines, item));
  const priced = checked.filter(isEligible).map((item) => priceItem(policy, item, currency));

  const allowed = allowedOutcomes(policy, priced);
  const fees = assessFees(priced, { policy, outcome: request.outcome, method: request.method, currency });
  const itemsValue = sumMinor(priced.map((item) => item.value));
  const net = itemsValue - fees.charged;
  const exchangeItems = request.exchange?.items ?? [];
  const settlement = settle(request.outcome, net, exchangeItems, policy, currency);

  const problems = [
    ...outcomeProblems(request.outcome, allowed, priced),
    ...methodProblems(policy, request, priced),
    ...(request.outcome === "exchange" ? exchangeScopeProblems(policy, priced, exchangeItems) : []),
    ...settlement.problems,
  ];
  const submittable = priced.length === checked.length && problems.length === 0;
  const approval = submittable
    ? autoApproval(policy, { outcome: request.outcome, itemsValue, reasons: priced.map((item) => item.reason), currency })
    : null;

  return {
    submittable,
    items: checked.map((item) => itemDecision(item, priced, currency)),
    allowedOutcomes: allowed.map((outcome) => offer(policy, outcome, priced, request.method, currency)),
    fees: fees.lines,
    totals: {
      currency,
      itemsValue: money(itemsValue, currency),
      fees: money(fees.charged, currency),
      refund: money(settlement.refund, currency),
      storeCredit: money(settlement.storeCredit, currency),
      bonusCredit: money(settlement.bonusCredit, currency),
      exchangeValue: money(settlement.exchangeValue, currency),
      amountDue: money(settlement.amountDue, currency),
    },
    autoApprove: approval?.approved ?? false,
    approval: approval?.explanation ?? null,
    problems,
    notes: settlement.notes,
  };
}

/** The outcomes every eligible item allows, in the policy's order. */
function allowedOutcomes(policy: ReturnPolicy, items: readonly PricedItem[]): Outcome[] {
  if (items.length === 0) return [];
  return policy.outcomes.offered.filter((outcome) => items.every((item) => item.rules.outcomes.includes(outcome)));
}

function outcomeProblems(outcome: Outcome, allowed: readonly Outcome[], items: readonly PricedItem[]): Explanation[] {
  if (items.length === 0 || allowed.includes(outcome)) return [];
  if (allowed.length === 0) return [explanation("outcomes_conflict", { titles: items.map((item) => item.title) })];
  return [explanation("outcome_not_allowed", { outcome, allowed: [...allowed] })];
}

function methodProblems(policy: ReturnPolicy, request: ReturnRequest, items: readonly PricedItem[]): Explanation[] {
  if (items.every((item) => item.keepIt)) return [];
  if (!request.method) return [explanation("method_required", {})];
  if (!policy.methods[request.method].offered) return [explanation("method_not_offered", { method: request.method })];
  return [];
}

/** The bonus an outcome would bring, on the net value under that outcome's own fee waivers. */
function offer(policy: ReturnPolicy, outcome: Outcome, items: readonly PricedItem[], method: ReturnMethod | undefined, currency: string): OutcomeOffer {
  const net = sumMinor(items.map((item) => item.value)) - assessFees(items, { policy, outcome, method, currency }).charged;
  const bonusPercent =
    outcome === "store_credit" ? policy.outcomes.storeCreditBonusPercent : outcome === "exchange" ? policy.outcomes.exchangeBonusPercent : 0;
  return { outcome, bonusPercent, bonus: money(percentOf(net, bonusPercent), currency) };
}

function itemDecision(checked: CheckedItem, priced: readonly PricedItem[], currency: string): ItemDecision {
  const { item, line } = checked;
  const price = priced.find((candidate) => candidate.lineItemId === item.lineItemId);
  const extra = price ? [price.keepIt, price.rules.outcomeLimit].filter((note): note is Explanation => note !== null) : [];
  return {
    lineItemId: item.lineItemId,
    title: line?.line.title ?? null,
    quantity: item.quantity,
    reason: item.reason,
    status: checked.status,
    value: money(price?.value ?? 0n, currency),
    keepIt: Boolean(price?.keepIt),
    outcomes: price ? price.rules.outcomes : [],
    explanations: [checked.explanation, ...extra],
  };
}
