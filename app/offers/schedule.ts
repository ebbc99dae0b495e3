import { TZDate } from "@date-fns/tz";
import { type OfferSchedule } from "./offer-schema";

export type ScheduleStatus = "running" | "not_started" | "ended";

/** Where `now` falls in an offer's schedule, reading its start and end as wall-clock time in its time zone. */
export function scheduleStatus(schedule: OfferSchedule, now: Date): ScheduleStatus {
  if (schedule.startsAt && now.getTime() < instantOf(schedule.startsAt, schedule.timeZone)) return "not_started";
  if (schedule.endsAt && now.getTime() >= instantOf(schedule.endsAt, schedule.timeZone)) return "ended";
  return "running";
}

/**
 * The instant a local date-time names in a zone. A time skipped by a DST jump moves forward (02:30 on
 * spring-forward day is 03:30); a repeated one takes its first occurrence.
 */
export function instantOf(localDateTime: string, timeZone: string): number {
  const [date = "", time = ""] = localDateTime.split("T");
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute, second = 0] = time.split(":").map(Number) as [number, number, number?];
  return new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime();
}
