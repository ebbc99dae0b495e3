import type { MoneyView } from "./contract";

/** Adds decimal amounts exactly (scaled BigInts), so a sum of tax lines never picks up float noise. */
export function addAmounts(amounts: string[]): string {
  const scale = Math.max(0, ...amounts.map((amount) => amount.split(".")[1]?.length ?? 0));
  const scaled = amounts.reduce((sum, amount) => {
    const [whole = "0", fraction = ""] = amount.replace("-", "").split(".");
    const value = BigInt(whole + fraction.padEnd(scale, "0"));
    return sum + (amount.startsWith("-") ? -value : value);
  }, 0n);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(scale + 1, "0");
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

/** Money for display in the buyer's locale (the only place an amount becomes a number). */
export function formatMoney(money: MoneyView, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: money.currencyCode }).format(Number(money.amount));
}
