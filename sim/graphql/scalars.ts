import type { Cents } from "../store/types.ts";

/** Shopify's DateTime: ISO 8601 in UTC without milliseconds. */
export function dateTime(date: Date | null | undefined): string | null {
  return date ? date.toISOString().replace(/\.\d{3}Z$/, "Z") : null;
}

/** Shopify's Decimal drops trailing zeros but keeps one decimal: "29.99", "10.0". */
export function decimal(cents: Cents): string {
  const fixed = (cents / 100).toFixed(2);
  return fixed.endsWith("0") ? fixed.slice(0, -1) : fixed;
}

/** Shopify's Money scalar keeps two decimals: "29.99", "10.00". */
export function money(cents: Cents): string {
  return (cents / 100).toFixed(2);
}

export function moneyV2(cents: Cents, currencyCode: string) {
  return { amount: decimal(cents), currencyCode };
}

export function moneyBag(cents: Cents, currencyCode: string) {
  return { shopMoney: moneyV2(cents, currencyCode), presentmentMoney: moneyV2(cents, currencyCode) };
}

/** A Decimal / MoneyInput amount ("12.5", "12.50", 12.5) in cents; null when it is not a number. */
export function centsFromDecimal(value: string | number): Cents | null {
  const text = String(value).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}
