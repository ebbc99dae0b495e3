import Holidays from "date-holidays";
import { epochDayOf, weekdayOf, type EpochDay } from "./local-date";

/** Where a calendar applies: a country (ISO 3166-1 alpha-2) and optionally its state or province. */
export interface CalendarPlace {
  country: string;
  region?: string;
}

/** Days carriers do not deliver on: weekends plus the place's public holidays. */
export interface WorkingCalendar {
  readonly place: CalendarPlace;
  isWorkingDay(day: EpochDay): boolean;
  /** The day itself when it is a working day, else the next working day. */
  nextWorkingDay(day: EpochDay): EpochDay;
  /** Working days from `from` to `to`, each first moved to its next working day (0 when both land on the same one). */
  elapsedWorkingDays(from: EpochDay, to: EpochDay): number;
  /** The working day `count` working days after `from` moved to its next working day. */
  addWorkingDays(from: EpochDay, count: number): EpochDay;
  /** The public holidays of a year, as epoch days. */
  holidaysIn(year: number): EpochDay[];
}

export interface WorkingCalendarOptions {
  /** Days of the week without deliveries, 0 = Sunday; Saturday and Sunday unless told. */
  weekendDays?: readonly number[];
}

const MARGIN_YEARS = 1;

/** A working-day calendar for a place, with holidays from the maintained `date-holidays` tables. */
export function createWorkingCalendar(place: CalendarPlace, options: WorkingCalendarOptions = {}): WorkingCalendar {
  const weekend = new Set(options.weekendDays ?? [0, 6]);
  const holidays = place.region ? new Holidays(place.country, place.region, { types: ["public"] }) : new Holidays(place.country, { types: ["public"] });
  const holidayCache = new Map<number, EpochDay[]>();
  let firstDay = 0;
  let working = new Uint8Array(0);
  // cumulative[i] = working days on or before firstDay + i
  let cumulative = new Int32Array(0);

  function holidaysIn(year: number): EpochDay[] {
    let days = holidayCache.get(year);
    if (!days) {
      days = (holidays.getHolidays(year) || []).filter((holiday) => holiday.type === "public").map((holiday) => epochDayOf(holiday.date));
      holidayCache.set(year, days);
    }
    return days;
  }

  function cover(day: EpochDay): void {
    if (day >= firstDay && day < firstDay + working.length) return;
    const year = new Date(day * 86_400_000).getUTCFullYear();
    const currentFirstYear = working.length ? new Date(firstDay * 86_400_000).getUTCFullYear() : year;
    const currentLastYear = working.length ? new Date((firstDay + working.length - 1) * 86_400_000).getUTCFullYear() : year;
    const fromYear = Math.min(currentFirstYear, year - MARGIN_YEARS);
    const toYear = Math.max(currentLastYear, year + MARGIN_YEARS);
    firstDay = epochDayOf(`${fromYear}-01-01`);
    const length = epochDayOf(`${toYear + 1}-01-01`) - firstDay;
    working = new Uint8Array(length);
    cumulative = new Int32Array(length);
    const closed = new Set<EpochDay>();
    for (let y = fromYear; y <= toYear; y++) for (const holiday of holidaysIn(y)) closed.add(holiday);
    let count = 0;
    for (let i = 0; i < length; i++) {
      const d = firstDay + i;
      const isWorking = !weekend.has(weekdayOf(d)) && !closed.has(d);
      working[i] = isWorking ? 1 : 0;
      count += working[i]!;
      cumulative[i] = count;
    }
  }

  function isWorkingDay(day: EpochDay): boolean {
    cover(day);
    return working[day - firstDay] === 1;
  }

  function nextWorkingDay(day: EpochDay): EpochDay {
    let d = day;
    while (!isWorkingDay(d)) d++;
    return d;
  }

  function cumulativeAt(day: EpochDay): number {
    cover(day);
    return cumulative[day - firstDay]!;
  }

  return {
    place,
    isWorkingDay,
    nextWorkingDay,
    holidaysIn,
    elapsedWorkingDays(from, to) {
      const start = nextWorkingDay(from);
      const end = nextWorkingDay(to);
      cover(Math.min(start, end));
      cover(Math.max(start, end)); // both covered before reading, so a table rebuild cannot shift one of them
      return cumulativeAt(end) - cumulativeAt(start);
    },
    addWorkingDays(from, count) {
      let day = nextWorkingDay(from);
      for (let left = count; left > 0; left--) day = nextWorkingDay(day + 1);
      return day;
    },
  };
}
