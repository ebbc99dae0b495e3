import { type Minor, type Money, money, sumMinor, toMinor } from "./money";

/** An exchange variant as the case stored it; `unitPrice` is the catalogue price the engine priced it at. */
export interface ExchangeVariant {
  variantId: string;
  quantity: number;
  unitPrice?: string | undefined;
}

/** An exchange item as `returnCreate` gets it: a variant, how many, and a fixed amount off (null for none). */
export interface ExchangeLine {
  variantId: string;
  quantity: number;
  discount: Money | null;
}

/** One unit of an exchange item, with its share of the exchange bonus (null for none). */
export interface ExchangeUnit extends ExchangeLine {
  quantity: 1;
}

/** What Shopify shows for the bonus on the new items. */
export const EXCHANGE_BONUS_DESCRIPTION = "Exchange bonus";

/**
 * The exchange lines to send for a case: as stored when the engine applied no bonus to the exchange, else one
 * unit per line carrying its share of the bonus (exchangeUnitsWithBonus). `bonus` is the decision's bonus
 * credit, which for an exchange is exactly what it counts toward the new items.
 */
export function exchangeLinesOf(items: readonly ExchangeVariant[], bonus: Money): ExchangeLine[] {
  if (toMinor(bonus.amount, bonus.currency) <= 0n) return items.map(({ variantId, quantity }) => ({ variantId, quantity, discount: null }));
  return exchangeUnitsWithBonus(items, bonus.amount, bonus.currency);
}

/**
 * The exchange items as single units, the bonus the engine applied spread over them. Shopify's docs leave open
 * whether a fixed `appliedDiscount.amount` is per unit or per line, so every entry is one unit and both readings
 * agree. Each unit gets a share proportional to its price (so no unit is discounted below zero), in minor
 * units by largest remainder, and the shares add up to the bonus exactly. Without stored prices (cases from
 * before prices were stored) units share equally.
 */
export function exchangeUnitsWithBonus(items: readonly ExchangeVariant[], bonus: string, currency: string): ExchangeUnit[] {
  const units = items.flatMap((item) => Array.from({ length: item.quantity }, () => item));
  const priced = units.every((unit) => unit.unitPrice !== undefined);
  const weights = units.map((unit) => (priced ? toMinor(unit.unitPrice!, currency) : 1n));
  const shares = splitByWeight(toMinor(bonus, currency), weights);
  return units.map((unit, index) => {
    const share = shares[index]!;
    return { variantId: unit.variantId, quantity: 1, discount: share > 0n ? money(share, currency) : null };
  });
}

/**
 * Splits `total` over `weights` in proportion, in whole minor units: each part is rounded down, then the
 * parts with the largest remainders get one more unit until the parts add up to `total` (ties: the earlier
 * part). A part never exceeds its weight while `total` does not exceed the weights' sum.
 */
export function splitByWeight(total: Minor, weights: readonly Minor[]): Minor[] {
  if (total <= 0n || weights.length === 0) return weights.map(() => 0n);
  const weightSum = sumMinor(weights);
  if (weightSum <= 0n) throw new RangeError("cannot split an amount over weights that add up to nothing");
  const parts = weights.map((weight) => (total * weight) / weightSum);
  const left = total - sumMinor(parts);
  const byRemainder = weights
    .map((weight, index) => ({ index, remainder: (total * weight) % weightSum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder.slice(0, Number(left))) parts[index] = parts[index]! + 1n;
  return parts;
}
