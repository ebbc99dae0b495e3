/**
 * Carrier performance from a shop's own parcels: on-time rate against the date we promised, transit-time
 * distribution and exception rate per carrier service, lane and month, and a ranked recommendation per
 * destination. Pure: the loader (carriers.server.ts) gathers the records.
 */

/** One parcel as the analytics see it. */
export interface ParcelRecord {
  carrier: string;
  service: string | null;
  /** Destination "country-region" ("US-CA"), or the country alone when the order named no region. */
  lane: string;
  handedOffAt: Date;
  deliveredAt: Date | null;
  /** The first date promised to the shopper (ISO date), when we made one. */
  promisedDate: string | null;
  hadException: boolean;
  /** What the shopper paid for shipping (decimal text), when known. */
  shippingCost: string | null;
}

export type GroupBy = "service" | "lane" | "month";

export interface PerformanceRow {
  carrier: string;
  service: string | null;
  /** The lane or month, depending on the grouping; null when grouped by service alone. */
  group: string | null;
  parcels: number;
  delivered: number;
  /** Share delivered on or before the promised date, of delivered parcels that had a promise; null without any. */
  onTimeRate: number | null;
  promisedDelivered: number;
  medianTransitDays: number | null;
  p90TransitDays: number | null;
  exceptionRate: number;
}

/** Transit days (hand-off to delivery, whole calendar days) bucketed 0 … 9 and "10+", per carrier service. */
export interface TransitDistribution {
  carrier: string;
  service: string | null;
  buckets: { days: string; parcels: number }[];
}

const DAY_MS = 86_400_000;
export const LAST_BUCKET = 10;

/** Whole calendar days in transit (by UTC date, as promises are calendar dates). */
export function transitDays(record: Pick<ParcelRecord, "handedOffAt" | "deliveredAt">): number | null {
  if (!record.deliveredAt) return null;
  const day = (date: Date) => Math.floor(date.getTime() / DAY_MS);
  return Math.max(0, day(record.deliveredAt) - day(record.handedOffAt));
}

export function isOnTime(record: Pick<ParcelRecord, "deliveredAt" | "promisedDate">): boolean | null {
  if (!record.deliveredAt || !record.promisedDate) return null;
  return record.deliveredAt.toISOString().slice(0, 10) <= record.promisedDate;
}

/** The value at quantile q of sorted numbers (nearest rank). */
export function quantileOf(sorted: readonly number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const serviceKey = (record: Pick<ParcelRecord, "carrier" | "service">) => `${record.carrier}\u0000${record.service ?? ""}`;

function groupOf(record: ParcelRecord, by: GroupBy): string | null {
  if (by === "lane") return record.lane;
  if (by === "month") return record.handedOffAt.toISOString().slice(0, 7);
  return null;
}

/** Performance rows per carrier service (and lane or month), most parcels first. */
export function performanceRows(records: readonly ParcelRecord[], by: GroupBy): PerformanceRow[] {
  const groups = new Map<string, ParcelRecord[]>();
  for (const record of records) {
    const key = `${serviceKey(record)}\u0000${groupOf(record, by) ?? ""}`;
    const list = groups.get(key) ?? [];
    list.push(record);
    groups.set(key, list);
  }
  return [...groups.values()]
    .map((group) => summarise(group, groupOf(group[0]!, by)))
    .sort((a, b) => b.parcels - a.parcels || a.carrier.localeCompare(b.carrier) || (a.group ?? "").localeCompare(b.group ?? ""));
}

function summarise(group: readonly ParcelRecord[], label: string | null): PerformanceRow {
  const transit = group.flatMap((record) => {
    const days = transitDays(record);
    return days === null ? [] : [days];
  });
  transit.sort((a, b) => a - b);
  const judged = group.flatMap((record) => {
    const onTime = isOnTime(record);
    return onTime === null ? [] : [onTime];
  });
  return {
    carrier: group[0]!.carrier,
    service: group[0]!.service,
    group: label,
    parcels: group.length,
    delivered: transit.length,
    onTimeRate: judged.length ? round(judged.filter(Boolean).length / judged.length) : null,
    promisedDelivered: judged.length,
    medianTransitDays: quantileOf(transit, 0.5),
    p90TransitDays: quantileOf(transit, 0.9),
    exceptionRate: round(group.filter((record) => record.hadException).length / group.length),
  };
}

/** Transit-time histograms per carrier service. */
export function transitDistributions(records: readonly ParcelRecord[]): TransitDistribution[] {
  const byService = new Map<string, { carrier: string; service: string | null; counts: number[] }>();
  for (const record of records) {
    const days = transitDays(record);
    if (days === null) continue;
    const key = serviceKey(record);
    const entry = byService.get(key) ?? { carrier: record.carrier, service: record.service, counts: new Array<number>(LAST_BUCKET + 1).fill(0) };
    entry.counts[Math.min(days, LAST_BUCKET)]!++;
    byService.set(key, entry);
  }
  return [...byService.values()].map(({ carrier, service, counts }) => ({
    carrier,
    service,
    buckets: counts.map((parcels, days) => ({ days: days === LAST_BUCKET ? `${LAST_BUCKET}+` : String(days), parcels })),
  }));
}

const round = (value: number) => Math.round(value * 1000) / 1000;
