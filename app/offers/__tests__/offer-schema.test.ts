import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { parseOffer } from "../offer-schema";
import { product, variant } from "./fixtures";

const minimal = {
  id: "socks",
  name: "Matching socks",
  product: { kind: "fixed", productId: product(900), variantId: variant(901) },
};

describe("parseOffer", () => {
  it("GIVEN only the required fields WHEN parsed THEN every default is filled in", () => {
    expect(parseOffer(minimal)).toEqual({
      ...minimal,
      status: "active",
      surfaces: ["post_purchase"],
      priority: 0,
      targeting: { all: [] },
      quantity: 1,
      discount: { kind: "none" },
      replenishable: false,
      limits: {},
      schedule: { timeZone: "UTC" },
      arms: [],
    });
  });

  it("GIVEN a percentage as a JSON number WHEN parsed THEN it is kept as exact text", () => {
    expect(parseOffer({ ...minimal, discount: { kind: "percentage", percent: 12.5 } }).discount).toEqual({ kind: "percentage", percent: "12.5" });
  });

  it("GIVEN a recommended product WHEN parsed THEN excluded products default to none", () => {
    expect(parseOffer({ ...minimal, product: { kind: "recommended" } }).product).toEqual({ kind: "recommended", excludeProductIds: [] });
  });

  it.each<[string, object, string]>([
    ["a percentage over 100", { discount: { kind: "percentage", percent: 120 } }, "discount.percent"],
    ["a percentage of 0", { discount: { kind: "percentage", percent: "0" } }, "discount.percent"],
    ["a percentage with three decimals", { discount: { kind: "percentage", percent: "10.125" } }, "discount.percent"],
    ["a float percentage artefact", { discount: { kind: "percentage", percent: 0.1 + 0.2 } }, "discount.percent"],
    ["a negative fixed amount", { discount: { kind: "fixed_amount", amount: "-5" } }, "discount.amount"],
    ["a fixed amount as a float", { discount: { kind: "fixed_amount", amount: 5.5 } }, "discount.amount"],
    ["a merchant cap that is not decimal text", { maxDiscount: "ten" }, "maxDiscount"],
    ["a variant id that is a number", { product: { kind: "fixed", productId: product(1), variantId: 901 } }, "product.variantId"],
    ["an unknown surface", { surfaces: ["cart"] }, "surfaces.0"],
    ["no surface", { surfaces: [] }, "surfaces"],
    ["a fractional priority", { priority: 1.5 }, "priority"],
    ["a zero quantity", { quantity: 0 }, "quantity"],
    ["an end before the start", { schedule: { startsAt: "2026-08-01T00:00", endsAt: "2026-07-01T00:00" } }, "schedule.endsAt"],
    ["a start with a UTC offset", { schedule: { startsAt: "2026-08-01T00:00:00Z" } }, "schedule.startsAt"],
    ["an impossible date", { schedule: { startsAt: "2026-02-30T00:00" } }, "schedule.startsAt"],
    ["an unknown time zone", { schedule: { timeZone: "Mars/Olympus" } }, "schedule.timeZone"],
    ["two arms with one id", { arms: [{ id: "A", weight: 1 }, { id: "A", weight: 1 }] }, "arms"],
    ["a negative arm weight", { arms: [{ id: "A", weight: -1 }] }, "arms.0.weight"],
    ["a zero customer limit", { limits: { maxPerCustomer: 0 } }, "limits.maxPerCustomer"],
  ])("GIVEN %s (%j) WHEN parsed THEN InvalidInputError names the field %s", (_label, overrides, field) => {
    let thrown: unknown;
    try {
      parseOffer({ ...minimal, ...overrides });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect(Object.keys((thrown as InvalidInputError).fieldErrors)).toContain(field);
  });
});
