import { describe, expect, it } from "vitest";
import { factorAt, spedUp } from "../speed-up-orders";

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe("speed-up of development cuts", () => {
  it.each([
    { purchased: "2017-11-30", factor: 1 },
    { purchased: "2017-12-01", factor: 1 },
    { purchased: "2017-12-29", factor: 0.75 },
    { purchased: "2018-01-26", factor: 0.5 },
    { purchased: "2018-02-20", factor: 0.5 },
  ])("GIVEN a ramp from 1 to 0.5 over 56 days from 2017-12-01 WHEN purchased on $purchased THEN durations are ×$factor", ({ purchased, factor }) => {
    expect(factorAt({ from: "2017-12-01", factor: 0.5, rampDays: 56 }, at(purchased))).toBeCloseTo(factor, 10);
  });

  it("GIVEN no ramp WHEN purchased on the first day THEN the full factor applies (a step)", () => {
    expect(factorAt({ from: "2017-12-01", factor: 0.6, rampDays: 0 }, at("2017-12-01"))).toBe(0.6);
  });

  it("GIVEN an order WHEN sped up THEN time to hand-off and time in transit are both scaled", () => {
    const purchased = at("2018-02-01");
    const result = spedUp({ from: "2017-12-01", factor: 0.5, rampDays: 0 }, { purchased, handedOff: purchased + 48 * HOUR, delivered: purchased + 248 * HOUR });
    expect(result).toEqual({ handedOff: purchased + 24 * HOUR, delivered: purchased + 124 * HOUR });
  });
});
