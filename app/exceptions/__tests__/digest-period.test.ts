import { describe, expect, it } from "vitest";
import { usableTimeZone } from "~/time-zone";
import { dueDigestPeriod } from "../digest/period";

describe("dueDigestPeriod", () => {
  it.each([
    ["before the hour in Berlin", "2026-12-01T06:59:00Z", "Europe/Berlin", 8, null],
    ["at the hour in Berlin (07:00 UTC in winter)", "2026-12-01T07:00:00Z", "Europe/Berlin", 8, "2026-12-01"],
    ["late evening in Berlin", "2026-12-01T22:30:00Z", "Europe/Berlin", 8, "2026-12-01"],
    ["past midnight in Berlin: a new day, hour not reached", "2026-12-01T23:30:00Z", "Europe/Berlin", 8, null],
    ["Los Angeles, still the previous day there", "2026-12-02T03:00:00Z", "America/Los_Angeles", 18, "2026-12-01"],
    ["hour 0 is due all day", "2026-12-01T00:00:00Z", "UTC", 0, "2026-12-01"],
  ])("GIVEN %s WHEN asked THEN the due period is %s", (_case, now, zone, hour, expected) => {
    expect(dueDigestPeriod(new Date(now), zone, hour)).toBe(expected);
  });

  it.each([
    [null, "UTC"],
    ["Not/A_Zone", "UTC"],
    ["Asia/Tokyo", "Asia/Tokyo"],
  ])("GIVEN the shop's zone %s THEN the digest uses %s", (zone, expected) => {
    expect(usableTimeZone(zone)).toBe(expected);
  });
});
