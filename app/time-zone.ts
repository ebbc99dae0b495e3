/** Zone names Intl accepted in this process: checking builds a formatter, too costly for every date we format. */
const accepted = new Set<string>();

/** A time zone Intl accepts, else UTC: a shop's stored zone name must never break a page, promise or digest. */
export function usableTimeZone(zone: string | null | undefined): string {
  if (!zone) return "UTC";
  if (accepted.has(zone)) return zone;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    return "UTC";
  }
  accepted.add(zone);
  return zone;
}
