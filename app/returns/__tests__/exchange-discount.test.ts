import { describe, expect, it } from "vitest";
import { exchangeLinesOf, exchangeUnitsWithBonus, splitByWeight } from "../exchange-discount";
import { sumMinor, toMinor } from "../money";

const JACKET = "gid://shopify/ProductVariant/1";
const SCARF = "gid://shopify/ProductVariant/2";

describe("splitByWeight", () => {
  it.each([
    ["evenly", 600n, [100n, 100n, 100n], [200n, 200n, 200n]],
    ["one cent left over goes to the first of equal remainders", 100n, [1n, 1n, 1n], [34n, 33n, 33n]],
    ["in proportion", 1000n, [3000n, 1000n], [750n, 250n]],
    ["the largest remainders get the extra units", 10n, [1n, 2n, 4n], [1n, 3n, 6n]],
    ["a zero weight gets nothing", 5n, [0n, 7n, 3n], [0n, 4n, 1n]],
    ["nothing to split", 0n, [5n, 5n], [0n, 0n]],
  ])("GIVEN %s WHEN split THEN the parts are exact", (_case, total, weights, parts) => {
    const split = splitByWeight(total, weights);

    expect(split).toEqual(parts);
    expect(sumMinor(split)).toBe(total);
  });

  it("GIVEN many awkward weights WHEN split THEN the parts add up exactly and none exceeds its weight", () => {
    const weights = [1999n, 1n, 333n, 4501n, 17n, 17n, 12345n];
    const total = sumMinor(weights) - 1n;

    const split = splitByWeight(total, weights);

    expect(sumMinor(split)).toBe(total);
    split.forEach((part, index) => expect(part).toBeLessThanOrEqual(weights[index]!));
  });
});

describe("exchangeUnitsWithBonus", () => {
  it("GIVEN the journey's jacket (one unit) and a 6.00 bonus THEN one unit carries all of it", () => {
    expect(exchangeUnitsWithBonus([{ variantId: JACKET, quantity: 1, unitPrice: "126.00" }], "6.00", "USD")).toEqual([
      { variantId: JACKET, quantity: 1, discount: { amount: "6.00", currency: "USD" } },
    ]);
  });

  it("GIVEN items with quantities WHEN the bonus is spread THEN each unit is its own quantity-1 entry, shares follow prices and add up to the bonus", () => {
    const units = exchangeUnitsWithBonus(
      [
        { variantId: JACKET, quantity: 2, unitPrice: "100.00" },
        { variantId: SCARF, quantity: 1, unitPrice: "50.00" },
      ],
      "10.01",
      "USD",
    );

    expect(units).toEqual([
      { variantId: JACKET, quantity: 1, discount: { amount: "4.01", currency: "USD" } },
      { variantId: JACKET, quantity: 1, discount: { amount: "4.00", currency: "USD" } },
      { variantId: SCARF, quantity: 1, discount: { amount: "2.00", currency: "USD" } },
    ]);
  });

  it.each([
    ["JPY (no decimals)", "JPY", [{ variantId: JACKET, quantity: 3, unitPrice: "1000" }], "100", ["34", "33", "33"]],
    ["KWD (three decimals)", "KWD", [{ variantId: JACKET, quantity: 3, unitPrice: "10.000" }], "1.000", ["0.334", "0.333", "0.333"]],
    ["USD, a bonus smaller than the units", "USD", [{ variantId: JACKET, quantity: 3, unitPrice: "5.00" }], "0.02", ["0.01", "0.01", null]],
  ])("GIVEN %s WHEN the bonus is spread THEN the shares use the currency's minor unit and add up exactly", (_case, currency, items, bonus, shares) => {
    const units = exchangeUnitsWithBonus(items, bonus, currency);

    expect(units.map((unit) => unit.discount?.amount ?? null)).toEqual(shares);
    expect(units.every((unit) => unit.quantity === 1 && (unit.discount === null || unit.discount.currency === currency))).toBe(true);
    expect(sumMinor(units.map((unit) => (unit.discount ? toMinor(unit.discount.amount, currency) : 0n)))).toBe(toMinor(bonus, currency));
  });

  it("GIVEN items stored without prices WHEN the bonus is spread THEN the units share it equally", () => {
    const units = exchangeUnitsWithBonus([{ variantId: JACKET, quantity: 1 }, { variantId: SCARF, quantity: 1 }], "5.01", "USD");

    expect(units.map((unit) => unit.discount?.amount)).toEqual(["2.51", "2.50"]);
  });
});

describe("exchangeLinesOf", () => {
  it("GIVEN no bonus applied to the exchange THEN the items go as stored, without a discount", () => {
    expect(exchangeLinesOf([{ variantId: JACKET, quantity: 2, unitPrice: "100.00" }], { amount: "0.00", currency: "USD" })).toEqual([
      { variantId: JACKET, quantity: 2, discount: null },
    ]);
  });

  it("GIVEN a bonus THEN the items go as discounted single units", () => {
    expect(exchangeLinesOf([{ variantId: JACKET, quantity: 2, unitPrice: "100.00" }], { amount: "3.00", currency: "USD" })).toEqual([
      { variantId: JACKET, quantity: 1, discount: { amount: "1.50", currency: "USD" } },
      { variantId: JACKET, quantity: 1, discount: { amount: "1.50", currency: "USD" } },
    ]);
  });
});
