import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { fromMinorUnits, toMinorUnits } from "./money";

/**
 * Offer measurement: accept rates, revenue per impression, and A/B comparison with a two-proportion
 * z-test (pooled standard error for the test, unpooled for the interval of the difference, as in the
 * textbooks). A winner is only declared past a minimum sample, so an early lucky streak is not a result.
 */

export interface ArmCounts {
  label: string;
  impressions: number;
  /** Accepts. */
  conversions: number;
}

export interface TwoProportionTest {
  controlRate: number;
  treatmentRate: number;
  /** treatmentRate − controlRate. */
  difference: number;
  /** difference / controlRate, or null when the control never converted. */
  relativeLift: number | null;
  z: number;
  /** Two-sided. */
  pValue: number;
  confidenceInterval: { level: number; low: number; high: number };
}

/** Two-sided two-proportion z-test of treatment against control, with the interval of their difference. */
export function twoProportionZTest(control: ArmCounts, treatment: ArmCounts, confidence = 0.95): TwoProportionTest {
  for (const arm of [control, treatment]) assertCounts(arm);
  const p1 = rate(control);
  const p2 = rate(treatment);
  const n1 = control.impressions;
  const n2 = treatment.impressions;
  const pooled = (control.conversions + treatment.conversions) / (n1 + n2);
  const pooledError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // With no variation at all (nobody or everybody converted) there is no evidence of a difference.
  const z = pooledError === 0 ? 0 : (p2 - p1) / pooledError;
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z), 0, 1)));
  const margin = normalQuantile(1 - (1 - confidence) / 2, 0, 1) * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return {
    controlRate: p1,
    treatmentRate: p2,
    difference: p2 - p1,
    relativeLift: p1 === 0 ? null : (p2 - p1) / p1,
    z,
    pValue,
    confidenceInterval: { level: confidence, low: p2 - p1 - margin, high: p2 - p1 + margin },
  };
}

export interface AbTestPolicy {
  confidence: number;
  minImpressionsPerArm: number;
  minConversionsPerArm: number;
}

export const DEFAULT_AB_POLICY: AbTestPolicy = { confidence: 0.95, minImpressionsPerArm: 200, minConversionsPerArm: 10 };

export type AbVerdict = "collecting_data" | "no_clear_winner" | "treatment_wins" | "control_wins";

export interface AbResult {
  verdict: AbVerdict;
  test: TwoProportionTest | null;
  /** A plain-English account for the merchant of what the numbers mean. */
  explanation: string;
}

/** Compares two arms and says whether one has won, refusing to call it before the minimum sample. */
export function abTestVerdict(control: ArmCounts, treatment: ArmCounts, policy: AbTestPolicy = DEFAULT_AB_POLICY): AbResult {
  const short = [control, treatment].filter(
    (arm) => arm.impressions < policy.minImpressionsPerArm || arm.conversions < policy.minConversionsPerArm,
  );
  if (short.length > 0) {
    const status = short.map((arm) => `${arm.label} has ${arm.impressions} views and ${arm.conversions} accepts`).join("; ");
    return {
      verdict: "collecting_data",
      test: null,
      explanation:
        `Not enough data yet. Each version needs at least ${policy.minImpressionsPerArm} views and ` +
        `${policy.minConversionsPerArm} accepts before we compare them, so early luck is not mistaken for a result. ${status}.`,
    };
  }
  const test = twoProportionZTest(control, treatment, policy.confidence);
  const significant = test.pValue < 1 - policy.confidence;
  const verdict: AbVerdict = !significant ? "no_clear_winner" : test.difference > 0 ? "treatment_wins" : "control_wins";
  return { verdict, test, explanation: explain(verdict, control, treatment, test) };
}

function explain(verdict: AbVerdict, control: ArmCounts, treatment: ArmCounts, test: TwoProportionTest): string {
  const { level, low, high } = test.confidenceInterval;
  const rates =
    `${treatment.label} was accepted by ${percent(test.treatmentRate)} of shoppers who saw it, ` +
    `${control.label} by ${percent(test.controlRate)} (a difference of ${points(test.difference)}; ` +
    `we are ${Math.round(level * 100)}% confident the true difference lies between ${points(low)} and ${points(high)}).`;
  const chance = `If both versions really performed the same, a gap this large would appear by chance ${percent(test.pValue)} of the time (p = ${test.pValue.toFixed(3)}).`;
  if (verdict === "no_clear_winner") {
    return `${rates} ${chance} That is too likely to be luck, so neither version is proven better yet: keep the test running or pick either.`;
  }
  const winner = verdict === "treatment_wins" ? treatment : control;
  return `${rates} ${chance} That is unlikely to be luck, so ${winner.label} is the winner.`;
}

export interface OfferCounts {
  impressions: number;
  accepts: number;
  declines: number;
  /** Revenue added by accepted changesets, decimal text. */
  revenue: string;
  currencyCode: string;
}

export interface OfferPerformance {
  acceptRate: number;
  declineRate: number;
  /** Revenue added per time the offer was shown, rounded half up to the currency's minor unit. */
  revenuePerImpression: { amount: string; currencyCode: string };
}

/** Accept and decline rates and revenue per impression of an offer (or of one surface or arm of it). */
export function offerPerformance(counts: OfferCounts): OfferPerformance {
  const revenueMinor = toMinorUnits(counts.revenue, counts.currencyCode);
  const perImpression = counts.impressions === 0 ? 0n : (2n * BigInt(revenueMinor) + BigInt(counts.impressions)) / (2n * BigInt(counts.impressions));
  return {
    acceptRate: counts.impressions === 0 ? 0 : counts.accepts / counts.impressions,
    declineRate: counts.impressions === 0 ? 0 : counts.declines / counts.impressions,
    revenuePerImpression: { amount: fromMinorUnits(Number(perImpression), counts.currencyCode), currencyCode: counts.currencyCode },
  };
}

function rate(arm: ArmCounts): number {
  return arm.conversions / arm.impressions;
}

function assertCounts(arm: ArmCounts): void {
  const valid =
    Number.isInteger(arm.impressions) && Number.isInteger(arm.conversions) && arm.impressions > 0 && arm.conversions >= 0 && arm.conversions <= arm.impressions;
  if (!valid) throw new RangeError(`${arm.label}: need whole counts with 0 ≤ accepts ≤ views and at least one view`);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function points(difference: number): string {
  const value = (difference * 100).toFixed(1);
  return `${difference >= 0 ? "+" : ""}${value} percentage points`;
}
