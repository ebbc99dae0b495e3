import { TZDate } from "@date-fns/tz";

/**
 * The instants [gte, lt) covering the inclusive calendar days `from`…`to` (YYYY-MM-DD) in the shop's time
 * zone; a zone this runtime does not know is read as UTC.
 */
export function shipDateRange(from: string | null, to: string | null, timeZone: string): { gte?: Date; lt?: Date } {
  const zone = isKnownTimeZone(timeZone) ? timeZone : "UTC";
  const range: { gte?: Date; lt?: Date } = {};
  if (from) range.gte = startOfDay(from, zone, 0);
  if (to) range.lt = startOfDay(to, zone, 1);
  return range;
}

function startOfDay(day: string, timeZone: string, plusDays: number): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date + plusDays, timeZone).getTime());
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
