import { assignArm } from "./ab-assignment";
import { discountUnit, type UnitDiscount } from "./discount";
import { toMinorUnits } from "./money";
import { type Offer, type OfferArm, type OfferDiscount } from "./offer-schema";
import { type ChoiceCode, type Reason, reason, type RejectionCode } from "./reasons";
import { resolveProduct, type ResolvedProduct } from "./resolve-product";
import { scheduleStatus } from "./schedule";
import { type SelectOfferInput } from "./selection-input";
import { evaluateRule } from "./targeting";

/** An offer that may be shown, with everything needed to rank it and to charge it. */
export interface Candidate {
  kind: "candidate";
  offer: Offer;
  arm: OfferArm | null;
  product: ResolvedProduct;
  quantity: number;
  discount: OfferDiscount;
  priceMinor: number;
  unit: UnitDiscount;
  /** Revenue per impression we expect: discounted line total × smoothed accept rate. */
  expectedValue: number;
  reasons: Reason<ChoiceCode>[];
}

export interface Rejection {
  kind: "rejection";
  offerId: string;
  reasons: Reason<RejectionCode>[];
}

/** Checks one offer against the order: every gate that fails is reported, not just the first. */
export function evaluateOffer(offer: Offer, input: SelectOfferInput): Candidate | Rejection {
  const rejected = gateReasons(offer, input);
  const arm = assignArm(offer.arms, offer.id, input.order.customer.id ?? input.order.id, input.bucketingSeed);
  if (offer.arms.length > 0 && arm === null) {
    return { kind: "rejection", offerId: offer.id, reasons: [...rejected, reason("no_active_arm")] };
  }

  const quantity = arm?.quantity ?? offer.quantity;
  const discount = arm?.discount ?? offer.discount;
  const product = resolveProduct(arm?.product ?? offer.product, {
    order: input.order,
    catalog: input.catalog,
    recommendations: input.recommendations,
    quantity,
    replenishable: offer.replenishable,
  });
  if ("code" in product) return { kind: "rejection", offerId: offer.id, reasons: [...rejected, product] };

  const currency = input.order.currency;
  const priceMinor = toMinorUnits(product.variant.price, currency);
  const unit = discountUnit(priceMinor, discount, currency, offer.maxDiscount);
  if (exceedsBudget(offer, input, unit.discountMinor * quantity)) rejected.push(reason("discount_budget_exhausted"));
  if (rejected.length > 0) return { kind: "rejection", offerId: offer.id, reasons: rejected };

  return {
    kind: "candidate",
    offer,
    arm,
    product,
    quantity,
    discount,
    priceMinor,
    unit,
    expectedValue: unit.discountedMinor * quantity * acceptRate(offer.id, input),
    reasons: choiceReasons(arm, product, unit),
  };
}

function gateReasons(offer: Offer, input: SelectOfferInput): Reason<RejectionCode>[] {
  const reasons: Reason<RejectionCode>[] = [];
  if (offer.status !== "active") reasons.push(reason("not_active", { status: offer.status }));
  if (!offer.surfaces.includes(input.surface)) reasons.push(reason("surface_not_enabled", { surface: input.surface }));
  const schedule = scheduleStatus(offer.schedule, input.now);
  if (schedule === "not_started") reasons.push(reason("not_started", { startsAt: offer.schedule.startsAt ?? "", timeZone: offer.schedule.timeZone }));
  if (schedule === "ended") reasons.push(reason("ended", { endsAt: offer.schedule.endsAt ?? "", timeZone: offer.schedule.timeZone }));
  const targeting = evaluateRule(offer.targeting, input.order);
  if (!targeting.matched) reasons.push(reason("targeting_not_met", { failed: targeting.failed }));
  const { maxPerCustomer, maxAccepts } = offer.limits;
  const byCustomer = input.history.acceptedByCustomer[offer.id] ?? 0;
  if (maxPerCustomer !== undefined && byCustomer >= maxPerCustomer) {
    reasons.push(reason("max_per_customer_reached", { accepted: byCustomer, max: maxPerCustomer }));
  }
  const total = input.history.acceptedTotal[offer.id] ?? 0;
  if (maxAccepts !== undefined && total >= maxAccepts) reasons.push(reason("accept_limit_reached", { accepted: total, max: maxAccepts }));
  return reasons;
}

function exceedsBudget(offer: Offer, input: SelectOfferInput, discountMinor: number): boolean {
  if (offer.limits.discountBudget === undefined) return false;
  const currency = input.order.currency;
  const given = toMinorUnits(input.history.discountGiven[offer.id] ?? "0", currency);
  return given + discountMinor > toMinorUnits(offer.limits.discountBudget, currency);
}

/** Laplace-smoothed accept rate: a new offer starts at 1/2 and converges to its observed rate. */
function acceptRate(offerId: string, input: SelectOfferInput): number {
  const accepts = input.history.acceptedTotal[offerId] ?? 0;
  const impressions = Math.max(input.history.impressions[offerId] ?? 0, accepts);
  return (accepts + 1) / (impressions + 2);
}

function choiceReasons(arm: OfferArm | null, product: ResolvedProduct, unit: UnitDiscount): Reason<ChoiceCode>[] {
  const reasons: Reason<ChoiceCode>[] = [];
  if (arm) reasons.push(reason("ab_arm_assigned", { arm: arm.id }));
  if (product.recommendationRank !== null) {
    reasons.push(reason("recommended_for_order", { productId: product.productId, rank: product.recommendationRank }));
  }
  if (unit.cappedBy === "price") reasons.push(reason("discount_capped_at_price"));
  if (unit.cappedBy === "merchant_max") reasons.push(reason("discount_capped_at_merchant_max"));
  return reasons;
}
