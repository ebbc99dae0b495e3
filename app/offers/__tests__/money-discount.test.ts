import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { discountUnit } from "../discount";
import { basisPointsOf, currencyDigits, fromMinorUnits, percentToBasisPoints, toMinorUnits } from "../money";
import { type OfferDiscount } from "../offer-schema";

describe("money in minor units", () => {
  it.each<[string, string, number, string]>([
    ["USD", "19.99", 1999, "19.99"],
    ["USD", "0.10", 10, "0.10"],
    ["USD", "5", 500, "5.00"],
    ["EUR", "1234.5", 123450, "1234.50"],
    ["JPY", "1200", 1200, "1200"],
    ["JPY", "1200.00", 1200, "1200"],
    ["KWD", "1.234", 1234, "1.234"],
  ])("GIVEN %s %s WHEN converted THEN it is %d minor units and prints as %s", (currency, amount, minor, printed) => {
    expect(toMinorUnits(amount, currency)).toBe(minor);
    expect(fromMinorUnits(minor, currency)).toBe(printed);
  });

  it.each<[string, string]>([
    ["USD", "1.999"],
    ["JPY", "1200.5"],
    ["USD", "-1.00"],
    ["USD", "1e3"],
    ["USD", "12,50"],
    ["USD", "99999999999999999"],
  ])("GIVEN %s %s WHEN converted THEN it is refused rather than rounded", (currency, amount) => {
    expect(() => toMinorUnits(amount, currency)).toThrow(InvalidInputError);
  });

  it("GIVEN an unknown currency WHEN its digits are asked THEN it is refused", () => {
    expect(() => currencyDigits("XYZW")).toThrow(InvalidInputError);
  });

  it.each<[string, number]>([
    ["15", 1500],
    ["12.5", 1250],
    ["0.01", 1],
    ["100", 10000],
    ["33.30", 3330],
  ])("GIVEN %s%% WHEN converted THEN it is %d basis points", (percent, basisPoints) => {
    expect(percentToBasisPoints(percent)).toBe(basisPoints);
  });

  it("GIVEN a percentage with three decimals WHEN converted THEN it is refused", () => {
    expect(() => percentToBasisPoints("12.345")).toThrow(InvalidInputError);
  });

  it.each<[number, number, number]>([
    [1005, 1000, 101], // 100.5 rounds half up
    [1004, 1000, 100],
    [1999, 1500, 300], // 299.85
    [1, 5000, 1], // 0.5 rounds up
    [123456789012, 3333, 41148147778], // 41148147777.7 — beyond float-safe products, exact with BigInt
  ])("GIVEN %d minor units WHEN %d basis points are taken THEN it is %d", (minor, bp, expected) => {
    expect(basisPointsOf(minor, bp)).toBe(expected);
  });
});

describe("discountUnit", () => {
  const percentage = (percent: string): OfferDiscount => ({ kind: "percentage", percent });
  const fixed = (amount: string): OfferDiscount => ({ kind: "fixed_amount", amount });

  it.each<[string, string, OfferDiscount, string | undefined, string, string, string | null]>([
    ["USD", "20.00", percentage("15"), undefined, "3.00", "17.00", null],
    ["USD", "19.99", percentage("15"), undefined, "3.00", "16.99", null], // 2.9985 → 3.00
    ["USD", "0.01", percentage("50"), undefined, "0.01", "0.00", null], // half a cent rounds up
    ["EUR", "9.95", percentage("12.5"), undefined, "1.24", "8.71", null], // 1.24375
    ["JPY", "1005", percentage("10"), undefined, "101", "904", null], // ¥100.5 → ¥101
    ["JPY", "999", percentage("33.33"), undefined, "333", "666", null], // 332.97
    ["USD", "20.00", percentage("100"), undefined, "20.00", "0.00", null],
    ["USD", "20.00", fixed("5"), undefined, "5.00", "15.00", null],
    ["EUR", "20.00", fixed("25.00"), undefined, "20.00", "0.00", "price"],
    ["JPY", "500", fixed("800"), undefined, "500", "0", "price"],
    ["USD", "100.00", percentage("50"), "30.00", "30.00", "70.00", "merchant_max"],
    ["JPY", "10000", fixed("3000"), "2000", "2000", "8000", "merchant_max"],
    ["USD", "100.00", percentage("20"), "30.00", "20.00", "80.00", null], // under the cap
    ["USD", "20.00", { kind: "none" }, undefined, "0.00", "20.00", null],
    ["USD", "20.00", { kind: "free_shipping" }, undefined, "0.00", "20.00", null],
  ])(
    "GIVEN a %s %s unit with %o (max %s) WHEN discounted THEN %s off leaves %s (capped by %s)",
    (currency, price, discount, maxDiscount, off, pays, cappedBy) => {
      const result = discountUnit(toMinorUnits(price, currency), discount, currency, maxDiscount);
      expect(fromMinorUnits(result.discountMinor, currency)).toBe(off);
      expect(fromMinorUnits(result.discountedMinor, currency)).toBe(pays);
      expect(result.cappedBy).toBe(cappedBy);
    },
  );
});
