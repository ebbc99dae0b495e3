import { isOnTime, quantileOf, transitDays, type ParcelRecord } from "./carrier-performance";

/** Below this many delivered parcels to a destination, a carrier service is not ranked there (too little evidence). */
export const MIN_DELIVERED = 5;

/** How much each criterion weighs in the ranking; cost only counts when every option has cost evidence. */
export const WEIGHTS = { speed: 0.4, reliability: 0.4, cost: 0.2 } as const;

/** The evidence behind one ranked option. */
export interface RankedOption {
  carrier: string;
  service: string | null;
  delivered: number;
  medianTransitDays: number;
  p90TransitDays: number;
  /** On-time rate against our promises, when enough of its parcels had one; else the share within the destination's median p90. */
  reliability: number;
  reliabilityBasis: "on-time rate" | "within typical p90";
  exceptionRate: number;
  /** Median shipping charge (decimal text, shop currency) of its parcels with a known charge, when at least MIN_DELIVERED have one. */
  medianCost: string | null;
  /** How many of its parcels the median charge is taken from. */
  costParcels: number;
  /** 0–1, higher is better: the weighted blend of the criteria, each scaled across this destination's options. */
  score: number;
}

export interface DestinationRecommendation {
  lane: string;
  /** Best first. */
  options: RankedOption[];
  /** Which criteria the ranking used (cost is left out when any option lacks cost evidence). */
  criteria: ("speed" | "reliability" | "cost")[];
}

/**
 * Ranks the carrier services that delivered to each destination on speed (median transit), reliability (on-time
 * rate against our promise, penalised by exceptions) and cost (median shipping charge) — each scaled 0–1 across
 * the destination's options — and shows the evidence. Destinations with fewer than two rankable options still
 * list their one option, so the merchant sees why there is no choice.
 */
export function recommendCarriers(records: readonly ParcelRecord[]): DestinationRecommendation[] {
  const byLane = new Map<string, ParcelRecord[]>();
  for (const record of records) byLane.set(record.lane, [...(byLane.get(record.lane) ?? []), record]);
  const recommendations: DestinationRecommendation[] = [];
  for (const [lane, laneRecords] of byLane) {
    const options = candidates(laneRecords);
    if (!options.length) continue;
    const withCost = options.every((option) => option.medianCost !== null);
    const criteria: DestinationRecommendation["criteria"] = withCost ? ["speed", "reliability", "cost"] : ["speed", "reliability"];
    const speed = scale(options.map((option) => -option.medianTransitDays - 0.25 * (option.p90TransitDays - option.medianTransitDays)));
    const reliability = scale(options.map((option) => option.reliability - option.exceptionRate));
    const cost = withCost ? scale(options.map((option) => -Number(option.medianCost))) : options.map(() => 0);
    const total = WEIGHTS.speed + WEIGHTS.reliability + (withCost ? WEIGHTS.cost : 0);
    const ranked = options
      .map((option, index) => ({
        ...option,
        score: Math.round(((WEIGHTS.speed * speed[index]! + WEIGHTS.reliability * reliability[index]! + (withCost ? WEIGHTS.cost * cost[index]! : 0)) / total) * 1000) / 1000,
      }))
      .sort((a, b) => b.score - a.score || a.medianTransitDays - b.medianTransitDays || a.carrier.localeCompare(b.carrier));
    recommendations.push({ lane, options: ranked, criteria });
  }
  return recommendations.sort((a, b) => totalDelivered(b) - totalDelivered(a) || a.lane.localeCompare(b.lane));
}

function candidates(laneRecords: readonly ParcelRecord[]): Omit<RankedOption, "score">[] {
  const byService = new Map<string, ParcelRecord[]>();
  for (const record of laneRecords) {
    const key = `${record.carrier}\u0000${record.service ?? ""}`;
    byService.set(key, [...(byService.get(key) ?? []), record]);
  }
  const laneTransit = laneRecords.flatMap((record) => transitDays(record) ?? []).sort((a, b) => a - b);
  const typicalP90 = quantileOf(laneTransit, 0.9) ?? 0;
  return [...byService.values()].flatMap((group) => {
    const transit = group.flatMap((record) => transitDays(record) ?? []).sort((a, b) => a - b);
    if (transit.length < MIN_DELIVERED) return [];
    const judged = group.flatMap((record) => isOnTime(record) ?? []);
    const useOnTime = judged.length >= MIN_DELIVERED;
    // Orders synced before shipping lines were kept have no charge: the median is taken from those that do.
    const costs = group.flatMap((record) => (record.shippingCost !== null && Number.isFinite(Number(record.shippingCost)) ? [Number(record.shippingCost)] : []));
    costs.sort((a, b) => a - b);
    return [
      {
        carrier: group[0]!.carrier,
        service: group[0]!.service,
        delivered: transit.length,
        medianTransitDays: quantileOf(transit, 0.5)!,
        p90TransitDays: quantileOf(transit, 0.9)!,
        reliability: round(useOnTime ? judged.filter(Boolean).length / judged.length : transit.filter((days) => days <= typicalP90).length / transit.length),
        reliabilityBasis: useOnTime ? ("on-time rate" as const) : ("within typical p90" as const),
        exceptionRate: round(group.filter((record) => record.hadException).length / group.length),
        medianCost: costs.length >= MIN_DELIVERED ? quantileOf(costs, 0.5)!.toFixed(2) : null,
        costParcels: costs.length,
      },
    ];
  });
}

/** Scales values to 0–1 (higher stays higher); all equal → all 1. */
function scale(values: readonly number[]): number[] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return values.map((value) => (max === min ? 1 : (value - min) / (max - min)));
}

const totalDelivered = (recommendation: DestinationRecommendation) => recommendation.options.reduce((sum, option) => sum + option.delivered, 0);
const round = (value: number) => Math.round(value * 1000) / 1000;
