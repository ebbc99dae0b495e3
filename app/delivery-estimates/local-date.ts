/**
 * Calendar dates as whole days since 1970-01-01 ("epoch days"), so date arithmetic is integer arithmetic.
 * A promise is a calendar date where the parcel lands, so instants become dates in the destination's time zone.
 */
export type EpochDay = number;

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day an instant falls on in a time zone. */
export function localEpochDay(instant: Date, timeZone: string): EpochDay {
  return epochDayOf(formatterFor(timeZone).format(instant));
}

/** The epoch day of an ISO date ("2018-03-01"). */
export function epochDayOf(isoDate: string): EpochDay {
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
}

/** The ISO date ("2018-03-01") of an epoch day. */
export function isoDateOf(day: EpochDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of the week of an epoch day: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: EpochDay): number {
  return (day + 4) % 7; // 1970-01-01 was a Thursday
}
