import { mean, quantile } from "./distribution";
import type { BlendedDistribution, LevelEvidence } from "./hazard-store";

/** Why one part of the journey (handling or transit) is expected to take what it takes. */
export interface DurationExplanation {
  /** Median of the blended distribution, in working days. */
  medianWorkingDays: number;
  meanWorkingDays: number;
  /** The fallback chain, broadest first, with how much each rung's own history weighs in. */
  basis: LevelEvidence[];
  /** The most specific rung whose history carries at least as much weight as everything above it. */
  decidingSegment: string;
  /** Weight left to the carrier/service default because history is thin. */
  defaultShare: number;
  /** Current conditions against the long run: 1.2 = deliveries are taking about 20% longer than usual right now. */
  conditionsFactor: number;
}

/** What the admin sees under a promised date. */
export interface PromiseExplanation {
  stage: "purchase" | "handoff" | "event";
  /** The local date the working-day count starts from. */
  countingFrom: string;
  /** Working days from `countingFrom` to the promised date. */
  workingDays: number;
  targetOnTimeRate: number;
  /** The predicted chance of delivery by the promised date: the quantile the promise sits at. */
  quantileUsed: number;
  /** How the point was chosen: one quantile for all orders, or marginal days (see promise-rule.ts). */
  rule: "quantile" | "marginal";
  /** The calibration segment, how many of its promises were settled, and the stringency they led to. */
  calibration: { segment: string; settledPromises: number; stringency: number };
  /** Working days already elapsed without delivery, which the prediction is conditioned on. */
  elapsedWorkingDays: number;
  handling?: DurationExplanation;
  transit?: DurationExplanation;
  /** Non-working dates between the start and the promise that pushed it later. */
  skippedDates: { date: string; reason: "weekend" | "holiday" }[];
  calendar: { country: string; region?: string };
  summary: string;
}

/** Summarises a blended duration distribution for the explanation. */
export function explainDuration(blended: BlendedDistribution): DurationExplanation {
  let deciding = "default";
  let above = blended.defaultShare;
  for (const level of blended.levels) {
    if (level.share >= above && level.share > 0) deciding = level.name;
    above += level.share;
  }
  return {
    medianWorkingDays: quantile(blended.pmf, 0.5),
    meanWorkingDays: Math.round(mean(blended.pmf) * 10) / 10,
    basis: blended.levels.map((level) => ({ ...level, weightedShipments: round(level.weightedShipments), share: round(level.share) })),
    decidingSegment: deciding,
    defaultShare: round(blended.defaultShare),
    conditionsFactor: Math.round(blended.conditionsFactor * 100) / 100,
  };
}

/** One sentence for the admin: what the promise rests on. */
export function summarise(explanation: Omit<PromiseExplanation, "summary">, promisedDate: string): string {
  const parts = [`Promised ${promisedDate}: ${explanation.workingDays} working days from ${explanation.countingFrom}`];
  parts.push(`read at the ${percent(explanation.quantileUsed)} point of the predicted duration to keep ${percent(explanation.targetOnTimeRate)} on time`);
  if (explanation.handling) parts.push(`handling typically ${explanation.handling.medianWorkingDays} working days (${explanation.handling.decidingSegment})`);
  if (explanation.transit) parts.push(`transit typically ${explanation.transit.medianWorkingDays} working days (${explanation.transit.decidingSegment})`);
  const factor = explanation.transit?.conditionsFactor ?? 1;
  if (Math.abs(factor - 1) >= 0.1) parts.push(`deliveries currently take about ${Math.round(Math.abs(factor - 1) * 100)}% ${factor > 1 ? "longer" : "less"} than usual`);
  const holidays = explanation.skippedDates.filter((skipped) => skipped.reason === "holiday").map((skipped) => skipped.date);
  if (holidays.length) parts.push(`skipping holidays ${holidays.join(", ")}`);
  if (explanation.elapsedWorkingDays > 0) parts.push(`${explanation.elapsedWorkingDays} working days already elapsed`);
  return `${parts.join("; ")}.`;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;
