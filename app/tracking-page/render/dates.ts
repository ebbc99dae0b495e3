import { usableTimeZone } from "~/time-zone";
import type { PageLocale } from "../messages";


export interface DateFormats {
  timeZone: string;
  /** "12 Nov 2026, 14:03" in the page language and time zone. */
  dateTime(date: Date): string;
  /** "Thursday, 12 November" for delivery dates. */
  day(date: Date): string;
  /** The same for a calendar date ("2026-11-12"), which has no time zone to convert from. */
  calendarDay(isoDate: string): string;
  /** The zone's name as shoppers read it ("Central European Standard Time"). */
  zoneName: string;
}

/** Date formatting for one page: its language and the shop's time zone (no JS, so the shopper's is unknown). */
export function dateFormats(locale: PageLocale, zone: string | null | undefined): DateFormats {
  const timeZone = usableTimeZone(zone);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const day = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone });
  const zoneName =
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "long" }).formatToParts(new Date()).find((part) => part.type === "timeZoneName")?.value ??
    timeZone;
  const calendarDay = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  return {
    timeZone,
    dateTime: (date) => dateTime.format(date),
    day: (date) => day.format(date),
    calendarDay: (isoDate) => calendarDay.format(new Date(`${isoDate}T12:00:00Z`)),
    zoneName,
  };
}
