import { InvalidInputError } from "~/errors";

/**
 * Exact money arithmetic in minor units (cents, yen). Amounts arrive and leave as decimal text ("12.50");
 * inside the engine they are integers so no price ever passes through a binary float.
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Digits after the decimal point for an ISO 4217 currency (USD 2, JPY 0, KWD 3), as ICU defines them. */
export function currencyDigits(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    throw new InvalidInputError({ currency: [`${currencyCode} is not an ISO 4217 currency code`] });
  }
}

/** Decimal text in a currency → integer minor units; extra digits must be zeros ("1200.00" JPY is 1200). */
export function toMinorUnits(amount: string, currencyCode: string): number {
  const match = DECIMAL.exec(amount);
  if (!match) throw new InvalidInputError({ amount: [`"${amount}" is not a decimal amount`] });
  const digits = currencyDigits(currencyCode);
  const [, whole = "0", fraction = ""] = match;
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > digits) {
    throw new InvalidInputError({ amount: [`${amount} has more decimals than ${currencyCode} allows`] });
  }
  const minor = Number(whole + significant.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor)) throw new InvalidInputError({ amount: [`${amount} is too large`] });
  return minor;
}

/** Integer minor units → decimal text with the currency's digits (1250 USD → "12.50", 1200 JPY → "1200"). */
export function fromMinorUnits(minor: number, currencyCode: string): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`${minor} is not a non-negative whole number of minor units`);
  const digits = currencyDigits(currencyCode);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A percentage with at most two decimals ("12.5") → basis points (1250), exactly. */
export function percentToBasisPoints(percent: string): number {
  const match = DECIMAL.exec(percent);
  const [, whole = "", fraction = ""] = match ?? [];
  if (!match || fraction.replace(/0+$/, "").length > 2) {
    throw new InvalidInputError({ percent: [`"${percent}" is not a percentage with at most two decimals`] });
  }
  return Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, "0"));
}

/** `basisPoints` of `minor`, rounded half up to a whole minor unit (10% of ¥1,005 is ¥101). */
export function basisPointsOf(minor: number, basisPoints: number): number {
  const scaled = BigInt(minor) * BigInt(basisPoints);
  return Number((scaled + 5_000n) / 10_000n);
}
