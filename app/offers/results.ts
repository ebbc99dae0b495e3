import { type Surface } from "./offer-schema";
import { type AbResult } from "./stats";

/** Offer results as the admin shows them (loaded by results.server.ts). */

export interface Counts {
  impressions: number;
  clicks: number;
  /** Orders whose shopper was shown a next-order code of the offer, and copied it. */
  codeImpressions: number;
  codeCopies: number;
  accepts: number;
  declines: number;
  /** Accepts on the post-purchase page plus clicks on the link surfaces. */
  conversions: number;
  /** Conversions / impressions (0 without impressions). */
  conversion: number;
  /** Revenue added by accepted post-purchase offers, decimal text. */
  revenue: string;
}

export interface ArmComparison {
  armId: string;
  versus: string;
  result: AbResult;
}

export interface OfferResults {
  offerId: string;
  currencyCode: string;
  total: Counts;
  bySurface: Array<Counts & { surface: Surface }>;
  byArm: Array<Counts & { armId: string }>;
  /** Each arm against the first (the control), once the offer runs an experiment. */
  comparisons: ArmComparison[];
}
