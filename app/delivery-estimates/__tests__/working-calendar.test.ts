import { describe, expect, it } from "vitest";
import { epochDayOf, isoDateOf } from "../local-date";
import { createWorkingCalendar } from "../working-calendar";

describe("working calendar", () => {
  const brazil = createWorkingCalendar({ country: "BR" });

  it.each([
    { case: "Friday to Monday", from: "2017-11-10", to: "2017-11-13", elapsed: 1 },
    { case: "across Proclamação da República (Wed 15 Nov)", from: "2017-11-14", to: "2017-11-16", elapsed: 1 },
    { case: "Saturday to Monday (both move to Monday)", from: "2017-11-11", to: "2017-11-13", elapsed: 0 },
    { case: "across Christmas Monday", from: "2017-12-22", to: "2017-12-26", elapsed: 1 },
    { case: "same day", from: "2017-11-14", to: "2017-11-14", elapsed: 0 },
  ])("GIVEN Brazil WHEN counting $case THEN $elapsed working days", ({ from, to, elapsed }) => {
    expect(brazil.elapsedWorkingDays(epochDayOf(from), epochDayOf(to))).toBe(elapsed);
  });

  it.each([
    { from: "2017-11-14", count: 1, expected: "2017-11-16" },
    { from: "2017-12-22", count: 1, expected: "2017-12-26" },
    { from: "2017-11-11", count: 0, expected: "2017-11-13" },
    { from: "2017-04-20", count: 1, expected: "2017-04-24" }, // Tiradentes on Friday 21 April
  ])("GIVEN Brazil WHEN adding $count working days to $from THEN it lands on $expected", ({ from, count, expected }) => {
    expect(isoDateOf(brazil.addWorkingDays(epochDayOf(from), count))).toBe(expected);
  });

  it.each([
    { country: "US", date: "2024-11-28", name: "Thanksgiving" },
    { country: "CA", date: "2024-07-01", name: "Canada Day" },
    { country: "GB", date: "2024-12-26", name: "Boxing Day" },
    { country: "DE", date: "2024-10-03", name: "Tag der Deutschen Einheit" },
    { country: "FR", date: "2024-07-15", name: "(a Monday that is not a holiday)", working: true },
  ])("GIVEN $country WHEN asking about $date $name THEN its public holidays are closed", ({ country, date, working }) => {
    expect(createWorkingCalendar({ country }).isWorkingDay(epochDayOf(date))).toBe(working ?? false);
  });

  it("GIVEN counts far apart that force the day table to grow WHEN split at a working day THEN the parts add up", () => {
    const calendar = createWorkingCalendar({ country: "BR" });
    const [a, b, c] = [epochDayOf("2024-03-04"), epochDayOf("2016-12-30"), epochDayOf("2031-01-06")];
    const whole = calendar.elapsedWorkingDays(b, c);
    expect(calendar.elapsedWorkingDays(b, a) + calendar.elapsedWorkingDays(a, c)).toBe(whole);
  });

  it("GIVEN a six-day week WHEN Saturday is not a weekend day THEN Saturday counts", () => {
    const sixDays = createWorkingCalendar({ country: "BR" }, { weekendDays: [0] });
    expect(sixDays.elapsedWorkingDays(epochDayOf("2017-11-10"), epochDayOf("2017-11-13"))).toBe(2);
  });
});
