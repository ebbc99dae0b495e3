import { type Candidate, evaluateOffer, type Rejection } from "./evaluate-offer";
import { fromMinorUnits } from "./money";
import { type Offer, type OfferArm, type OfferDiscount } from "./offer-schema";
import { type ChoiceCode, type Reason, reason } from "./reasons";
import { type SelectOfferInput } from "./selection-input";

export interface Money {
  amount: string;
  currencyCode: string;
}

export interface OfferRejection {
  offerId: string;
  reasons: Rejection["reasons"];
}

export interface ChosenOffer {
  offer: Offer;
  /** The A/B arm this shopper is in, or null when the offer runs no experiment. */
  arm: OfferArm | null;
  product: { productId: string; variantId: string; quantity: number };
  /** The discount that applies (the arm's, else the offer's). */
  discount: OfferDiscount;
  /** Per unit, before and after the discount. */
  price: Money;
  discountedPrice: Money;
  /** Per unit; what the changeset's discount must take off. */
  discountAmount: Money;
  reasons: Reason<ChoiceCode>[];
  /** Why every other offer is not the one shown. */
  rejections: OfferRejection[];
}

export interface NoOffer {
  offer: null;
  rejections: OfferRejection[];
}

export type OfferSelection = ChosenOffer | NoOffer;

/**
 * Picks the offer to show for an order on a surface: among the eligible ones the highest priority wins,
 * then the highest expected value, then the lowest id (so the answer is deterministic). Pure: the same
 * input always gives the same answer.
 */
export function selectOffer(input: SelectOfferInput): OfferSelection {
  const evaluations = input.offers.map((offer) => evaluateOffer(offer, input));
  const rejections: OfferRejection[] = evaluations
    .filter((evaluation): evaluation is Rejection => evaluation.kind === "rejection")
    .map(({ offerId, reasons }) => ({ offerId, reasons }));
  const ranked = evaluations.filter((evaluation): evaluation is Candidate => evaluation.kind === "candidate").sort(byRank);
  const [winner, ...others] = ranked;
  if (!winner) return { offer: null, rejections };

  const currencyCode = input.order.currency;
  const money = (minor: number): Money => ({ amount: fromMinorUnits(minor, currencyCode), currencyCode });
  return {
    offer: winner.offer,
    arm: winner.arm,
    product: { productId: winner.product.productId, variantId: winner.product.variantId, quantity: winner.quantity },
    discount: winner.discount,
    price: money(winner.priceMinor),
    discountedPrice: money(winner.unit.discountedMinor),
    discountAmount: money(winner.unit.discountMinor),
    reasons: [rankingReason(winner, others[0]), ...winner.reasons],
    rejections: [
      ...rejections,
      ...others.map((other) => ({ offerId: other.offer.id, reasons: [reason("outranked", { by: winner.offer.id })] })),
    ],
  };
}

function byRank(a: Candidate, b: Candidate): number {
  return b.offer.priority - a.offer.priority || b.expectedValue - a.expectedValue || compareIds(a.offer.id, b.offer.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names the rule that separated the winner from the runner-up. */
function rankingReason(winner: Candidate, runnerUp: Candidate | undefined): Reason<ChoiceCode> {
  if (!runnerUp) return reason("only_eligible_offer");
  if (winner.offer.priority !== runnerUp.offer.priority) {
    return reason("highest_priority", { priority: winner.offer.priority, runnerUp: runnerUp.offer.id });
  }
  if (winner.expectedValue !== runnerUp.expectedValue) {
    return reason("highest_expected_value", {
      expectedValue: round2(winner.expectedValue),
      runnerUpExpectedValue: round2(runnerUp.expectedValue),
      runnerUp: runnerUp.offer.id,
    });
  }
  return reason("lowest_offer_id", { runnerUp: runnerUp.offer.id });
}

/** Expected value is in minor units per impression; two decimals are plenty for a reason shown to people. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
