import { describe, expect, it } from "vitest";
import { httpStatusOf } from "~/errors";
import { CurrencyMismatchError, currencyDigits, divideRounded, isKnownCurrency, percentOf, sumByCurrency, sumMoney, throwIfOtherCurrency, toDecimal, toMinor } from "../money";

describe("currencyDigits", () => {
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["KWD", 3],
  ])("GIVEN %s WHEN asked for its minor unit THEN it has %i decimals", (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });
});

describe("isKnownCurrency", () => {
  it.each([
    ["USD", true],
    ["JPY", true],
    ["usd", false],
    ["XXY", false],
    ["US", false],
  ])("GIVEN %s THEN known is %s", (currency, known) => {
    expect(isKnownCurrency(currency)).toBe(known);
  });
});

describe("toMinor / toDecimal", () => {
  it.each([
    ["20.00", "USD", 2000n, "20.00"],
    ["20", "USD", 2000n, "20.00"],
    ["0.1", "EUR", 10n, "0.10"],
    ["19.995", "USD", 2000n, "20.00"],
    ["19.994", "USD", 1999n, "19.99"],
    ["-19.995", "USD", -2000n, "-20.00"],
    ["1500", "JPY", 1500n, "1500"],
    ["1500.00", "JPY", 1500n, "1500"],
    ["1500.5", "JPY", 1501n, "1501"],
    ["1500.49", "JPY", 1500n, "1500"],
    ["1.234", "KWD", 1234n, "1.234"],
    ["0.05", "USD", 5n, "0.05"],
    ["123456789012.34", "USD", 12345678901234n, "123456789012.34"],
  ])("GIVEN %s %s WHEN converted THEN it is %s minor units and reads back as %s", (text, currency, minor, back) => {
    expect(toMinor(text, currency)).toBe(minor);
    expect(toDecimal(minor, currency)).toBe(back);
  });

  it.each(["", "1,00", "1.", ".5", "abc", "1e3"])("GIVEN %j WHEN converted THEN it is refused", (text) => {
    expect(() => toMinor(text, "USD")).toThrow(RangeError);
  });
});

describe("percentOf", () => {
  it.each([
    [2000n, 10, 200n],
    [1999n, 15, 300n], // 299.85 → 300
    [1001n, 12.5, 125n], // 125.125 → 125
    [1003n, 12.5, 125n], // 125.375 → 125
    [1004n, 12.5, 126n], // 125.5 → 126, half away from zero
    [333n, 33.33, 111n], // 110.9889 → 111
    [0n, 50, 0n],
    [999n, 100, 999n],
    [150n, 5, 8n], // 7.5 yen → 8
  ])("GIVEN %s minor units WHEN taking %s%% THEN it is %s", (amount, percent, expected) => {
    expect(percentOf(amount, percent)).toBe(expected);
  });
});

describe("divideRounded", () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [7n, 7n, 1n],
  ])("GIVEN %s / %s THEN it rounds half away from zero to %s", (numerator, denominator, expected) => {
    expect(divideRounded(numerator, denominator)).toBe(expected);
  });
});

describe("currency guards", () => {
  it("GIVEN amounts in one currency THEN sumMoney adds them exactly in its minor units", () => {
    expect(
      sumMoney(
        [
          { amount: "0.10", currency: "USD" },
          { amount: "0.20", currency: "USD" },
          { amount: "5", currency: "USD" },
        ],
        "USD",
      ),
    ).toEqual({ amount: "5.30", currency: "USD" });
    expect(sumMoney([], "JPY")).toEqual({ amount: "0", currency: "JPY" });
  });

  it("GIVEN an amount in another currency THEN sumMoney refuses with CurrencyMismatchError naming both", () => {
    const mixed = () => sumMoney([{ amount: "10.00", currency: "USD" }, { amount: "10.00", currency: "EUR" }], "USD");

    expect(mixed).toThrow(CurrencyMismatchError);
    expect(mixed).toThrow("Amounts in USD and EUR cannot be added together");
    expect(httpStatusOf(catchError(mixed))).toBe(409);
  });

  it("GIVEN amounts in several currencies THEN sumByCurrency keeps one total per currency, in order of appearance", () => {
    expect(
      sumByCurrency([
        { amount: "10.00", currency: "EUR" },
        { amount: "1500", currency: "JPY" },
        { amount: "2.50", currency: "EUR" },
        { amount: "0.125", currency: "KWD" },
      ]),
    ).toEqual([
      { amount: "12.50", currency: "EUR" },
      { amount: "1500", currency: "JPY" },
      { amount: "0.125", currency: "KWD" },
    ]);
  });

  it.each([
    ["USD", [], false],
    ["USD", ["USD", "USD"], false],
    ["USD", ["USD", "EUR"], true],
    ["EUR", ["GBP"], true],
  ])("GIVEN %s expected and %j given THEN throwIfOtherCurrency throws: %s", (expected, currencies, throws) => {
    const check = () => throwIfOtherCurrency(expected, currencies);
    if (throws) expect(check).toThrow(CurrencyMismatchError);
    else expect(check).not.toThrow();
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
