import { describe, expect, it } from "vitest";
import { inSampleBound, recentPastOffset, slackAt } from "../bounds-lib";

const oneToTwenty = Array.from({ length: 20 }, (_, i) => i + 1);

describe("EDD reference bounds", () => {
  it("GIVEN one group WHEN 95% must be on time THEN its offset is the 19th of 20 days and slack is what that leaves", () => {
    expect(inSampleBound([oneToTwenty], 0.95)).toEqual({ onTimeRate: 0.95, meanSlackDays: 8.5 });
  });

  it("GIVEN a predictable and an erratic group WHEN 95% overall must be on time THEN the erratic one gives up the misses", () => {
    const bound = inSampleBound([Array(20).fill(5), oneToTwenty], 0.95);
    expect(bound.onTimeRate).toBe(0.95);
    expect(bound.meanSlackDays).toBeCloseTo(3.75, 10);
  });

  it("GIVEN days mostly on day 3 WHEN the next day holds 20% THEN the offset takes it only while the density asks for less", () => {
    const days = [3, 3, 3, 3, 4];
    expect(recentPastOffset(days, days, 0.1)).toBe(4);
    expect(recentPastOffset(days, days, 0.3)).toBe(3);
  });

  it("GIVEN swept points WHEN the target lies between two THEN slack is read between them, and outside the sweep there is none", () => {
    const points = [{ onTimeRate: 0.96, meanSlackDays: 8 }, { onTimeRate: 0.9, meanSlackDays: 5 }];
    expect(slackAt(points, 0.95)).toBeCloseTo(7.5, 10);
    expect(slackAt(points, 0.99)).toBeNull();
  });
});
