import { type Explanation, explanation } from "./explanation";
import { type Minor, minMinor, money, percentOf, sumMinor, toMinor } from "./money";
import type { Outcome, ReturnPolicy } from "./policy-schema";
import type { ExchangeItem } from "./request-schema";

/** How the net value of a return is paid out. All amounts are minor units and never negative. */
export interface Settlement {
  refund: Minor;
  /** Store credit issued, bonus included. */
  storeCredit: Minor;
  /** The bonus part of `storeCredit`, or the bonus applied to the new items of an exchange. */
  bonusCredit: Minor;
  exchangeValue: Minor;
  /** What the shopper pays on top (an exchange for pricier items). */
  amountDue: Minor;
  notes: Explanation[];
  problems: Explanation[];
}

const NOTHING: Omit<Settlement, "notes" | "problems"> = { refund: 0n, storeCredit: 0n, bonusCredit: 0n, exchangeValue: 0n, amountDue: 0n };

/**
 * Pays out `net` (the returned items' value less fees) as the chosen outcome. Bonus credit rewards keeping
 * the money in the store, so it comes with store credit and exchanges only, and is never paid out as a
 * refund: an exchange's bonus counts toward the new items, and change left over is net minus new items.
 */
export function settle(outcome: Outcome, net: Minor, exchangeItems: readonly ExchangeItem[], policy: ReturnPolicy, currency: string): Settlement {
  if (outcome === "refund") return { ...NOTHING, refund: net, notes: [], problems: [] };
  if (outcome === "store_credit") {
    const percent = policy.outcomes.storeCreditBonusPercent;
    const bonus = percentOf(net, percent);
    const notes = bonus > 0n ? [explanation("store_credit_bonus", { percent, bonus: money(bonus, currency) })] : [];
    return { ...NOTHING, storeCredit: net + bonus, bonusCredit: bonus, notes, problems: [] };
  }
  return settleExchange(net, exchangeItems, policy, currency);
}

function settleExchange(net: Minor, exchangeItems: readonly ExchangeItem[], policy: ReturnPolicy, currency: string): Settlement {
  const exchangeValue = sumMinor(exchangeItems.map((item) => toMinor(item.unitPrice, currency) * BigInt(item.quantity)));
  const notes: Explanation[] = [];
  const problems: Explanation[] = [];
  if (exchangeValue <= net) {
    const change = net - exchangeValue;
    const settlement = { ...NOTHING, exchangeValue, notes, problems };
    if (change === 0n) return settlement;
    const amount = money(change, currency);
    switch (policy.exchange.whenNewItemsCostLess) {
      case "refund":
        notes.push(explanation("exchange_difference_refunded", { amount }));
        return { ...settlement, refund: change };
      case "store_credit":
        notes.push(explanation("exchange_difference_credited", { amount }));
        return { ...settlement, storeCredit: change };
      case "forfeit":
        notes.push(explanation("exchange_difference_forfeited", { amount }));
        return settlement;
    }
  }
  const percent = policy.outcomes.exchangeBonusPercent;
  const bonus = minMinor(percentOf(net, percent), exchangeValue - net);
  if (bonus > 0n) notes.push(explanation("exchange_bonus", { percent, bonus: money(bonus, currency) }));
  const amountDue = exchangeValue - net - bonus;
  if (amountDue > 0n) {
    const amount = money(amountDue, currency);
    if (policy.exchange.whenNewItemsCostMore === "not_allowed") problems.push(explanation("exchange_costs_more", { amount }));
    else notes.push(explanation("exchange_difference_due", { amount }));
  }
  return { ...NOTHING, exchangeValue, bonusCredit: bonus, amountDue, notes, problems };
}
