import { describe, expect, it } from "vitest";
import { instantOf, scheduleStatus } from "../schedule";

describe("scheduleStatus", () => {
  const july = { startsAt: "2026-07-01T00:00", endsAt: "2026-08-01T00:00", timeZone: "America/New_York" };

  it.each<[string, string, ReturnType<typeof scheduleStatus>]>([
    ["a second before the start (New York midnight = 04:00 UTC)", "2026-07-01T03:59:59Z", "not_started"],
    ["exactly at the start (inclusive)", "2026-07-01T04:00:00Z", "running"],
    ["inside the window", "2026-07-15T12:00:00Z", "running"],
    ["a millisecond before the end", "2026-08-01T03:59:59.999Z", "running"],
    ["exactly at the end (exclusive)", "2026-08-01T04:00:00Z", "ended"],
    ["after the end", "2026-09-01T00:00:00Z", "ended"],
  ])("GIVEN a July window in New York WHEN now is %s THEN it is %s", (_label, now, expected) => {
    expect(scheduleStatus(july, new Date(now))).toBe(expected);
  });

  it.each<[string, object, string, ReturnType<typeof scheduleStatus>]>([
    ["no bounds", { timeZone: "UTC" }, "2000-01-01T00:00:00Z", "running"],
    ["only a start, before it", { startsAt: "2026-07-01T09:00", timeZone: "UTC" }, "2026-07-01T08:59:59Z", "not_started"],
    ["only a start, after it", { startsAt: "2026-07-01T09:00", timeZone: "UTC" }, "2030-01-01T00:00:00Z", "running"],
    ["only an end, before it", { endsAt: "2026-07-01T09:00:30", timeZone: "UTC" }, "2026-07-01T09:00:29Z", "running"],
    ["only an end, at it", { endsAt: "2026-07-01T09:00:30", timeZone: "UTC" }, "2026-07-01T09:00:30Z", "ended"],
  ])("GIVEN %s WHEN checked THEN it is the expected status", (_label, schedule, now, expected) => {
    expect(scheduleStatus(schedule as Parameters<typeof scheduleStatus>[0], new Date(now))).toBe(expected);
  });

  it("GIVEN the same wall-clock start in Tokyo and in London WHEN checked at one instant THEN only Tokyo has started", () => {
    const now = new Date("2026-07-01T00:30:00Z"); // 09:30 in Tokyo, 01:30 in London
    expect(scheduleStatus({ startsAt: "2026-07-01T09:00", timeZone: "Asia/Tokyo" }, now)).toBe("running");
    expect(scheduleStatus({ startsAt: "2026-07-01T09:00", timeZone: "Europe/London" }, now)).toBe("not_started");
  });
});

describe("instantOf", () => {
  it.each<[string, string, string, string]>([
    ["winter time in Paris", "2026-01-15T10:00", "Europe/Paris", "2026-01-15T09:00:00.000Z"],
    ["summer time in Paris", "2026-07-15T10:00", "Europe/Paris", "2026-07-15T08:00:00.000Z"],
    ["a time skipped by spring-forward moves forward", "2026-03-08T02:30", "America/New_York", "2026-03-08T07:30:00.000Z"],
    ["a time repeated by fall-back takes its first occurrence", "2026-11-01T01:30", "America/New_York", "2026-11-01T05:30:00.000Z"],
    ["seconds are kept", "2026-07-01T00:00:45", "UTC", "2026-07-01T00:00:45.000Z"],
  ])("GIVEN %s WHEN converted THEN it is the right instant", (_label, local, zone, expected) => {
    expect(new Date(instantOf(local, zone)).toISOString()).toBe(expected);
  });
});
