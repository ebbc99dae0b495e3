import { type Explanation, type FeeKind, type FeeWaiverCause, explanation } from "./explanation";
import { type Minor, type Money, minMinor, money, percentOf, sumMinor, toMinor } from "./money";
import type { Outcome, ReturnMethod, ReturnPolicy, ReturnReason } from "./policy-schema";
import type { PricedItem } from "./priced-item";

/** One fee, itemised: what the policy sets, what is actually deducted, and why. */
export interface FeeLine {
  kind: FeeKind;
  /** The item it is for; null for the request's return shipping. */
  lineItemId: string | null;
  /** The fee before waivers and caps. */
  amount: Money;
  /** What is deducted from the return's value. */
  charged: Money;
  /** The fee first, then any waiver or cap. */
  explanations: Explanation[];
}

export interface FeeAssessment {
  lines: FeeLine[];
  charged: Minor;
}

interface FeeContext {
  policy: ReturnPolicy;
  outcome: Outcome;
  method: ReturnMethod | undefined;
  currency: string;
}

interface Waiver {
  because: FeeWaiverCause;
  reason: ReturnReason | null;
}

interface PendingFee {
  kind: FeeKind;
  lineItemId: string | null;
  title: string | null;
  amount: Minor;
  explanation: Explanation;
  waiver: Waiver | null;
}

/**
 * Itemises restocking, handling and return-shipping fees. Waivers: a fee-waiving reason (defective, wrong
 * item) and keep-it remove an item's fees; an exchange removes what the policy waives for exchanges. Fees
 * are capped so they never take more than the returned items are worth: a return never costs the shopper.
 */
export function assessFees(items: readonly PricedItem[], context: FeeContext): FeeAssessment {
  const pending = [...items.flatMap((item) => itemFees(item, context)), ...returnShippingFee(items, context)];
  let remaining = sumMinor(items.map((item) => item.value));
  const itemRemaining = new Map(items.map((item) => [item.lineItemId, item.value]));
  const lines = pending.map((fee) => {
    const due = fee.waiver ? 0n : fee.amount;
    const cap = fee.lineItemId === null ? remaining : minMinor(remaining, itemRemaining.get(fee.lineItemId) ?? 0n);
    const charged = minMinor(due, cap);
    remaining -= charged;
    if (fee.lineItemId !== null) itemRemaining.set(fee.lineItemId, (itemRemaining.get(fee.lineItemId) ?? 0n) - charged);
    return { fee, charged, capped: charged < due };
  });
  return {
    lines: lines.map(({ fee, charged, capped }) => toFeeLine(fee, charged, capped, context.currency)),
    charged: sumMinor(lines.map(({ charged }) => charged)),
  };
}

function toFeeLine(fee: PendingFee, charged: Minor, capped: boolean, currency: string): FeeLine {
  const amount = money(fee.amount, currency);
  const explanations = [fee.explanation];
  if (fee.waiver) explanations.push(explanation("fee_waived", { fee: fee.kind, title: fee.title, amount, ...fee.waiver }));
  if (capped) explanations.push(explanation("fee_capped", { fee: fee.kind, title: fee.title, amount, cappedTo: money(charged, currency) }));
  return { kind: fee.kind, lineItemId: fee.lineItemId, amount, charged: money(charged, currency), explanations };
}

function itemWaiver(item: PricedItem, policy: ReturnPolicy): Waiver | null {
  if (item.keepIt) return { because: "keep_it", reason: null };
  if (policy.reasons[item.reason].waivesFees) return { because: "reason", reason: item.reason };
  return null;
}

function itemFees(item: PricedItem, { policy, outcome, currency }: FeeContext): PendingFee[] {
  const waiver = itemWaiver(item, policy);
  const fees: PendingFee[] = [];
  const spec = item.rules.restockingFee;
  if (spec) {
    const amount = spec.type === "percent" ? percentOf(item.value, spec.percent) : toMinor(spec.amount, currency) * BigInt(item.quantity);
    const exchangeWaiver: Waiver | null = outcome === "exchange" && policy.fees.waiveForExchanges.restocking ? { because: "exchange", reason: null } : null;
    fees.push({
      kind: "restocking",
      lineItemId: item.lineItemId,
      title: item.title,
      amount,
      explanation: explanation("restocking_fee", {
        title: item.title,
        fee: money(amount, currency),
        percent: spec.type === "percent" ? spec.percent : null,
        rule: item.rules.restockingRule,
      }),
      waiver: waiver ?? exchangeWaiver,
    });
  }
  for (const handling of item.rules.handlingFees) {
    const amount = toMinor(handling.amount, currency) * BigInt(item.quantity);
    fees.push({
      kind: "handling",
      lineItemId: item.lineItemId,
      title: item.title,
      amount,
      explanation: explanation("handling_fee", { title: item.title, fee: money(amount, currency), rule: handling.rule }),
      waiver,
    });
  }
  return fees.filter((fee) => fee.amount > 0n);
}

/** One return-shipping fee per request that sends something back; waived when every item sent back waives fees. */
function returnShippingFee(items: readonly PricedItem[], { policy, outcome, method, currency }: FeeContext): PendingFee[] {
  const shipped = items.filter((item) => !item.keepIt);
  if (shipped.length === 0) return [];
  const amount = toMinor((method && policy.methods[method].fee) ?? policy.fees.returnShipping, currency);
  if (amount === 0n) return [];
  const reasons = new Set(shipped.map((item) => item.reason));
  let waiver: Waiver | null = null;
  if (shipped.every((item) => policy.reasons[item.reason].waivesFees)) {
    waiver = { because: "reason", reason: reasons.size === 1 ? ([...reasons][0] ?? null) : null };
  } else if (outcome === "exchange" && policy.fees.waiveForExchanges.returnShipping) {
    waiver = { because: "exchange", reason: null };
  }
  return [
    {
      kind: "return_shipping",
      lineItemId: null,
      title: null,
      amount,
      explanation: explanation("return_shipping_fee", { fee: money(amount, currency), method: method ?? null }),
      waiver,
    },
  ];
}
