import { describe, expect, it } from "vitest";
import { costPerParcel } from "../shipping-cost";

describe("costPerParcel", () => {
  it.each([
    ["one line, one parcel", [{ orderId: "a", price: "8.00", isRemoved: false }], { a: 1 }, { a: "8.00" }],
    ["two lines (summed), split over three parcels", [{ orderId: "a", price: "5.00", isRemoved: false }, { orderId: "a", price: "5.00", isRemoved: false }], { a: 3 }, { a: "3.33" }],
    ["a removed line (not counted)", [{ orderId: "a", price: "8.00", isRemoved: false }, { orderId: "a", price: "20.00", isRemoved: true }], { a: 1 }, { a: "8.00" }],
    ["free shipping (a known cost of zero)", [{ orderId: "a", price: "0.00", isRemoved: false }], { a: 1 }, { a: "0.00" }],
    ["only a removed line (unknown)", [{ orderId: "a", price: "8.00", isRemoved: true }], { a: 1 }, {}],
    ["an order without parcels in view", [{ orderId: "a", price: "8.00", isRemoved: false }], {}, {}],
    ["exact decimals, never floats", [{ orderId: "a", price: "0.10", isRemoved: false }, { orderId: "a", price: "0.20", isRemoved: false }], { a: 1 }, { a: "0.30" }],
  ])("GIVEN %s WHEN costed THEN each parcel carries its share", (_, charges, parcels, expected) => {
    expect(Object.fromEntries(costPerParcel(charges, new Map(Object.entries(parcels))))).toEqual(expected);
  });
});
