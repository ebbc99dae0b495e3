import { describe, expect, it } from "vitest";
import { formatCount, formatDate, formatDateTime, formatTimeAgo, knownTimeZone } from "~/admin/format";

const NOW = new Date("2026-03-15T12:00:00.000Z");
const before = (ms: number) => new Date(NOW.getTime() - ms);

describe("admin formatting", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [12345, "12,345"],
  ])("GIVEN the count %d WHEN formatted THEN it reads %s", (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });

  it.each([
    [30_000, "just now"],
    [5 * 60_000, "5 minutes ago"],
    [3 * 3_600_000, "3 hours ago"],
    [86_400_000, "yesterday"],
    [5 * 86_400_000 + 3_600_000, "5 days ago"],
  ])("GIVEN a moment %d ms before now WHEN shown relatively THEN it reads %s", (elapsed, expected) => {
    expect(formatTimeAgo(before(elapsed), NOW)).toBe(expected);
  });

  it("GIVEN the shop's time zone WHEN a date is shown THEN it is the shop's calendar day, not UTC's", () => {
    const lateEvening = new Date("2026-03-15T02:30:00.000Z");

    expect(formatDate(lateEvening, "America/New_York")).toBe("Mar 14, 2026");
    expect(formatDateTime(lateEvening, "America/New_York")).toBe("Mar 14, 2026, 10:30 PM");
    expect(formatDate(lateEvening, "UTC")).toBe("Mar 15, 2026");
  });

  it("GIVEN a time zone Intl does not know WHEN used THEN dates fall back to UTC instead of throwing", () => {
    expect(knownTimeZone("Mars/Olympus_Mons")).toBe("UTC");
    expect(formatDate(new Date("2026-03-15T02:30:00.000Z"), "Mars/Olympus_Mons")).toBe("Mar 15, 2026");
  });
});
