import { ConflictError } from "~/errors";

/**
 * Exact money arithmetic for the policy engine. Amounts enter and leave as decimal text ("12.50") and are
 * held in between as integer minor units (bigint) of the order's currency, so no float ever touches money.
 *
 * Rounding: an amount given with more decimals than its currency has (e.g. "5.50" yen), and every computed
 * percentage (restocking fee, bonus credit), is rounded once, half away from zero, to the currency's minor
 * unit. Percentages are computed on the amount they apply to (one line's value for a restocking fee, the
 * request's net value for a bonus), never summed from rounded pieces.
 */

/** An amount in minor units (cents, yen) of the currency it belongs to. */
export type Minor = bigint;

/** Money as the engine reports it: decimal text in the currency's minor-unit precision. */
export interface Money {
  amount: string;
  currency: string;
}

const digitsByCurrency = new Map<string, number>();

/** The ISO 4217 minor-unit digits of a currency (USD 2, JPY 0, KWD 3), from the runtime's Intl data. */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

let knownCurrencies: ReadonlySet<string> | undefined;

/** Whether the runtime knows `currency` as an ISO 4217 code. */
export function isKnownCurrency(currency: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf("currency"));
  return knownCurrencies.has(currency);
}

/** `numerator / denominator` rounded half away from zero (denominator > 0). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twiceRemainder = 2n * (numerator % denominator);
  if (twiceRemainder >= denominator) return quotient + 1n;
  if (-twiceRemainder >= denominator) return quotient - 1n;
  return quotient;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Decimal text as minor units of `currency`, rounded half away from zero beyond the currency's digits. */
export function toMinor(decimal: string, currency: string): Minor {
  const match = DECIMAL.exec(decimal);
  if (!match) throw new RangeError(`"${decimal}" is not a decimal amount`);
  const [, sign = "", whole = "0", fraction = ""] = match;
  const scaled = BigInt(`${whole}${fraction}`);
  const magnitude = rescale(scaled, fraction.length, currencyDigits(currency));
  return sign === "-" ? -magnitude : magnitude;
}

function rescale(value: bigint, fromDigits: number, toDigits: number): bigint {
  if (fromDigits <= toDigits) return value * 10n ** BigInt(toDigits - fromDigits);
  return divideRounded(value, 10n ** BigInt(fromDigits - toDigits));
}

/** Minor units as decimal text with exactly the currency's digits ("5.00", "500" for JPY). */
export function toDecimal(minor: Minor, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0n ? "-" : "";
  const text = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, "0");
  if (digits === 0) return `${sign}${text}`;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Minor units as reportable money. */
export function money(minor: Minor, currency: string): Money {
  return { amount: toDecimal(minor, currency), currency };
}

/** `percent`% of an amount, rounded half away from zero; percent has at most two decimals (12.5, 7.25). */
export function percentOf(amount: Minor, percent: number): Minor {
  const basisPoints = BigInt(Math.round(percent * 100));
  return divideRounded(amount * basisPoints, 10_000n);
}

/** The smaller of two amounts. */
export function minMinor(a: Minor, b: Minor): Minor {
  return a < b ? a : b;
}

/** The larger of two amounts. */
export function maxMinor(a: Minor, b: Minor): Minor {
  return a > b ? a : b;
}

/** The sum of amounts. */
export function sumMinor(amounts: Iterable<Minor>): Minor {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}

/**
 * Amounts in different currencies were about to be combined. Adding USD to EUR gives a number that means
 * nothing, so every sum of money either names its one currency or is kept per currency (sumByCurrency).
 */
export class CurrencyMismatchError extends ConflictError {
  constructor(
    readonly currencies: readonly string[],
    message = `Amounts in ${currencies.join(" and ")} cannot be added together`,
  ) {
    super(message);
  }
}

/** Throws CurrencyMismatchError unless every currency given is `expected`. */
export function throwIfOtherCurrency(expected: string, currencies: Iterable<string>, message?: string): void {
  const others = [...new Set(currencies)].filter((currency) => currency !== expected);
  if (others.length) throw new CurrencyMismatchError([expected, ...others], message);
}

/** The sum of decimal amounts that must all be in `currency`; CurrencyMismatchError if one is not. */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  throwIfOtherCurrency(currency, amounts.map((amount) => amount.currency));
  return money(sumMinor(amounts.map((amount) => toMinor(amount.amount, currency))), currency);
}

/** Sums decimal amounts per currency, never across: one Money per currency, in order of first appearance. */
export function sumByCurrency(amounts: Iterable<Money>): Money[] {
  const totals = new Map<string, Minor>();
  for (const { amount, currency } of amounts) totals.set(currency, (totals.get(currency) ?? 0n) + toMinor(amount, currency));
  return [...totals].map(([currency, minor]) => money(minor, currency));
}
