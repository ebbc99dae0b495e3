import { TZDate } from "@date-fns/tz";
import type { Channel } from "./channels";
import type { QuietHours } from "./preferences";

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/** Whether a minute of the local day falls in [start, end), a window that may wrap past midnight. */
function isQuiet(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The earliest instant at or after `at` that is outside the shopper's quiet hours on `channel`, computed in the
 * shopper's IANA time zone (daylight-saving days included).
 */
export function afterQuietHours(at: Date, quietHours: QuietHours, channel: Channel, timeZone: string): Date {
  if (!quietHours.enabled || !quietHours.channels.includes(channel)) return at;
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  const local = new TZDate(at.getTime(), timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  if (!isQuiet(minute, start, end)) return at;
  const daysAhead = minute >= end && start > end ? 1 : 0;
  const resume = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + daysAhead, Math.floor(end / 60), end % 60, 0, 0, timeZone);
  return new Date(resume.getTime());
}
