/** A time zone Intl accepts, else UTC: a shop's stored zone name must never break a page, promise or digest. */
export function usableTimeZone(zone: string | null | undefined): string {
  if (!zone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}
