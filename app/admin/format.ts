// The admin is in English (Polaris's translations are), so numbers and dates are too; dates are shown in the
// shop's time zone so the server render and the browser's hydration print the same text.
const LOCALE = "en-US";

const counts = new Intl.NumberFormat(LOCALE);

/** A count with grouping separators ("12,345"). */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** The time zone if Intl knows it, otherwise UTC (a stored zone could be one this runtime lacks). */
export function knownTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** A calendar date in the shop's time zone ("Mar 15, 2026"). */
export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeZone: knownTimeZone(timeZone) }).format(date);
}

/** A date and time in the shop's time zone ("Mar 15, 2026, 8:00 AM"). */
export function formatDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone: knownTimeZone(timeZone) }).format(date);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });

/** How long before `now` a moment was ("3 days ago", "just now"), measured against the server's clock. */
export function formatTimeAgo(date: Date, now: Date): string {
  const elapsed = date.getTime() - now.getTime();
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return relative.format(Math.trunc(elapsed / size), unit);
  }
  return "just now";
}

const percent = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 1 });

/** A share as a percentage ("12.5%"); "—" when there was nothing to divide by. */
export function formatShare(rate: number | null): string {
  return rate === null ? "—" : percent.format(rate);
}

/** Decimal money text in its currency ("€1,234.50"), without a float in between. */
export function formatMoney({ amount, currency }: { amount: string; currency: string }): string {
  return new Intl.NumberFormat(LOCALE, { style: "currency", currency }).format(amount as Intl.StringNumericLiteral);
}

/** A duration given in hours: hours up to two days ("36 h"), then days ("4.5 days"); "—" when unknown. */
export function formatHours(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 48) return `${counts.format(Math.round(hours * 10) / 10)} h`;
  return `${counts.format(Math.round((hours / 24) * 10) / 10)} days`;
}
