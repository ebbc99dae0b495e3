/**
 * The digest period due at `now` for a shop sending at `hour` in `timeZone`: the shop-local date (YYYY-MM-DD) once
 * the local clock has reached that hour, otherwise null (today's digest is not due yet; yesterday's is past).
 */
export function dueDigestPeriod(now: Date, timeZone: string, hour: number): string | null {
  const local = localParts(now, timeZone);
  return local.hour >= hour ? local.date : null;
}

function localParts(now: Date, timeZone: string): { date: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

