/** A shop's stored time zone if Intl accepts it, else UTC: a bad zone name must never stop a promise. */
export function usableZone(zone: string | null | undefined): string {
  if (!zone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}
