import { basisPointsOf, percentToBasisPoints, toMinorUnits } from "./money";
import { type OfferDiscount } from "./offer-schema";

export interface UnitDiscount {
  /** Taken off one unit, in minor units. */
  discountMinor: number;
  /** What the shopper pays for one unit: never below zero. */
  discountedMinor: number;
  /** Set when a cap reduced the configured discount. */
  cappedBy: "price" | "merchant_max" | null;
}

/**
 * The discount on one unit priced `priceMinor`: percentages round half up to a minor unit, fixed amounts
 * never exceed the price, and the merchant's `maxDiscount` caps either.
 */
export function discountUnit(priceMinor: number, discount: OfferDiscount, currencyCode: string, maxDiscount?: string): UnitDiscount {
  let discountMinor = 0;
  let cappedBy: UnitDiscount["cappedBy"] = null;
  if (discount.kind === "percentage") {
    discountMinor = basisPointsOf(priceMinor, percentToBasisPoints(discount.percent));
  } else if (discount.kind === "fixed_amount") {
    discountMinor = toMinorUnits(discount.amount, currencyCode);
    if (discountMinor > priceMinor) {
      discountMinor = priceMinor;
      cappedBy = "price";
    }
  }
  if (maxDiscount !== undefined) {
    const capMinor = toMinorUnits(maxDiscount, currencyCode);
    if (discountMinor > capMinor) {
      discountMinor = capMinor;
      cappedBy = "merchant_max";
    }
  }
  return { discountMinor, discountedMinor: priceMinor - discountMinor, cappedBy };
}
