import { describe, expect, it } from "vitest";
import { accessibleTextColor, contrastRatio, readableTextOn } from "../contrast";

describe("WCAG contrast", () => {
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    ["#777777", "#ffffff", 4.48],
  ])("GIVEN %s on %s WHEN measured THEN the ratio is %d", (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
  });

  it.each([
    ["#008060", "#ffffff"],
    ["#ffd60a", "#000000"],
    ["#1a1a1a", "#ffffff"],
    ["#e6f2ff", "#000000"],
  ])("GIVEN a %s brand colour WHEN text goes on it THEN it is %s and reaches AA", (brand, text) => {
    expect(readableTextOn(brand)).toBe(text);
    expect(contrastRatio(brand, readableTextOn(brand))).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    ["#008060", "#008060"],
    ["#ffd60a", "#000000"],
  ])("GIVEN brand colour %s WHEN used for text on white THEN %s is used", (brand, expected) => {
    expect(accessibleTextColor(brand, "#ffffff")).toBe(expected);
  });
});
