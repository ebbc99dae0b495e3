/**
 * `tsx bench/edd/bounds.ts [--data <dir>]`: how much slack the issue's goals leave room for on the shared Olist
 * data, per purchase month, at purchase (93.25% on time) and at hand-off (95%):
 * - in-sample bounds: one whole-day offset per destination state (or per lane, or per lane with at least 20 orders
 *   that month and otherwise its destination state) and month, chosen knowing that month's outcomes — no causal
 *   estimator promising by those groups can beat them;
 * - the same over a whole period (calm, peak): one offset per group for all its months, knowing their outcomes —
 *   what knowing each lane's long-run behaviour, but not its month-to-month moves, would allow;
 * - a recent-past reference: offsets read off the previous two months' outcomes per destination state.
 * Last line: one JSON object with the calm (2017-05…10) and peak (2017-11…2018-02) figures.
 */
import { parseArgs } from "node:util";
import { localEpochDay } from "../../app/delivery-estimates/local-date";
import { OLIST_TIME_ZONE, type OlistOrder } from "../../app/delivery-estimates/evaluation/olist-order";
import { readOlistOrders, readOlistSellers } from "../../app/delivery-estimates/evaluation/read-olist.server";
import { inSampleBound, recentPastOffset, slackAt, type Outcome } from "./bounds-lib";

const { values } = parseArgs({ options: { data: { type: "string", default: "../shared/data/olist" } } });
const dir = values.data!;

type Stage = "purchase" | "handoff";
const TARGETS: Record<Stage, number> = { purchase: 0.9325, handoff: 0.95 };
const PERIODS = { calm: ["2017-05", "2017-06", "2017-07", "2017-08", "2017-09", "2017-10"], peak: ["2017-11", "2017-12", "2018-01", "2018-02"] };
const DENSITIES = [0.06, 0.04, 0.03, 0.02, 0.015, 0.01, 0.007, 0.005, 0.0035, 0.0025, 0.0015, 0.001, 0.0005, 0.0002];
const WINDOW_DAYS = 62;
// A lane needs this many orders in a month to be its own group in the "busy lane" bound; one or two orders of a
// lane are "predicted" exactly in sample, which says nothing about what can be known.
const BUSY_LANE_ORDERS = 20;

interface Delivered {
  month: string;
  purchaseDay: number;
  destination: string;
  lane: string;
  days: Record<Stage, number>;
}

const delivered = readOlistOrders(dir, readOlistSellers([dir])).flatMap(toDelivered);
const months = [...new Set(delivered.map((order) => order.month))].sort();

const byMonth = new Map<string, Record<Stage, { destination: Outcome; lane: Outcome; busyLane: Outcome; recent: Outcome[] }>>();
for (const month of months) {
  const orders = delivered.filter((order) => order.month === month);
  if (orders.length < 100) continue;
  const monthStart = localEpochDay(new Date(`${month}-01T12:00:00Z`), "UTC");
  const past = delivered.filter((order) => order.purchaseDay < monthStart && order.purchaseDay >= monthStart - WINDOW_DAYS);
  const figures = {} as Record<Stage, { destination: Outcome; lane: Outcome; busyLane: Outcome; recent: Outcome[] }>;
  for (const stage of ["purchase", "handoff"] as const) {
    figures[stage] = {
      destination: inSampleBound(groupDays(orders, "destination", stage), TARGETS[stage]),
      lane: inSampleBound(groupDays(orders, "lane", stage), TARGETS[stage]),
      busyLane: inSampleBound(groupDays(orders, "lane", stage, BUSY_LANE_ORDERS), TARGETS[stage]),
      recent: past.length < 200 ? [] : DENSITIES.map((density) => recentPast(orders, past, stage, density)),
    };
  }
  byMonth.set(month, figures);
  const line = (stage: Stage) => {
    const f = figures[stage];
    const recent = slackAt(f.recent, TARGETS[stage]);
    return `${stage} in-sample dest ${fmt(f.destination)} lane ${fmt(f.lane)} busy lane ${fmt(f.busyLane)} recent-past ${recent === null ? "n/a" : `${recent.toFixed(2)}d`}`;
  };
  console.log(`${month} n=${orders.length}  ${line("purchase")}  |  ${line("handoff")}`);
}

const summary: Record<string, Record<Stage, Record<string, number | null>>> = {};
for (const [period, periodMonths] of Object.entries(PERIODS)) {
  const present = periodMonths.filter((month) => byMonth.has(month));
  const weights = present.map((month) => delivered.filter((order) => order.month === month).length);
  const weighted = (pick: (month: string) => number) => present.reduce((sum, month, i) => sum + pick(month) * weights[i]!, 0) / weights.reduce((a, b) => a + b, 0);
  summary[period] = {} as Record<Stage, Record<string, number | null>>;
  const periodOrders = delivered.filter((order) => present.includes(order.month));
  for (const stage of ["purchase", "handoff"] as const) {
    const pooled = DENSITIES.map((_, i) => {
      const points = present.map((month) => byMonth.get(month)![stage].recent[i]!);
      return { onTimeRate: weighted((month) => points[present.indexOf(month)]!.onTimeRate), meanSlackDays: weighted((month) => points[present.indexOf(month)]!.meanSlackDays) };
    });
    const recent = slackAt(pooled, TARGETS[stage]);
    summary[period][stage] = {
      inSampleDestination: round(weighted((month) => byMonth.get(month)![stage].destination.meanSlackDays)),
      inSampleLane: round(weighted((month) => byMonth.get(month)![stage].lane.meanSlackDays)),
      inSampleBusyLane: round(weighted((month) => byMonth.get(month)![stage].busyLane.meanSlackDays)),
      recentPast: recent === null ? null : round(recent),
      // One offset per group for the whole period: what knowing each lane's long-run behaviour (but not its month-to-month moves) allows.
      inSamplePeriodDestination: round(inSampleBound(groupDays(periodOrders, "destination", stage), TARGETS[stage]).meanSlackDays),
      inSamplePeriodBusyLane: round(inSampleBound(groupDays(periodOrders, "lane", stage, BUSY_LANE_ORDERS * present.length), TARGETS[stage]).meanSlackDays),
    };
  }
  console.log(`${period}: ${JSON.stringify(summary[period])}`);
}
console.log(JSON.stringify({ bench: "edd-bounds", targets: TARGETS, ...summary }));

function toDelivered(order: OlistOrder): Delivered[] {
  if (!order.deliveredAt || !order.handedOffAt) return [];
  const purchaseDay = localEpochDay(order.purchasedAt, OLIST_TIME_ZONE);
  const deliveredDay = localEpochDay(order.deliveredAt, OLIST_TIME_ZONE);
  const handoffDay = localEpochDay(order.handedOffAt, OLIST_TIME_ZONE);
  const destination = order.facts.destination.region ?? "?";
  return [
    {
      month: order.purchasedAt.toLocaleDateString("en-CA", { timeZone: OLIST_TIME_ZONE }).slice(0, 7),
      purchaseDay,
      destination,
      lane: `${order.facts.origin.region ?? "?"}>${destination}`,
      days: { purchase: Math.max(0, deliveredDay - purchaseDay), handoff: Math.max(0, deliveredDay - handoffDay) },
    },
  ];
}

/** Days per group; with `minLaneOrders`, a lane with fewer orders that month falls back to its destination state. */
function groupDays(orders: readonly Delivered[], key: "destination" | "lane", stage: Stage, minLaneOrders = 0): number[][] {
  const laneSizes = new Map<string, number>();
  for (const order of orders) laneSizes.set(order.lane, (laneSizes.get(order.lane) ?? 0) + 1);
  const groups = new Map<string, number[]>();
  for (const order of orders) {
    const group = key === "lane" && laneSizes.get(order.lane)! < minLaneOrders ? order.destination : order[key];
    groups.set(group, [...(groups.get(group) ?? []), order.days[stage]]);
  }
  return [...groups.values()];
}

function recentPast(orders: readonly Delivered[], past: readonly Delivered[], stage: Stage, density: number): Outcome {
  const allDays = past.map((order) => order.days[stage]);
  const pastByDestination = new Map<string, number[]>();
  for (const order of past) pastByDestination.set(order.destination, [...(pastByDestination.get(order.destination) ?? []), order.days[stage]]);
  const offsets = new Map<string, number>();
  let onTime = 0;
  let slack = 0;
  for (const order of orders) {
    let offset = offsets.get(order.destination);
    if (offset === undefined) {
      offset = recentPastOffset(pastByDestination.get(order.destination) ?? [], allDays, density);
      offsets.set(order.destination, offset);
    }
    if (order.days[stage] <= offset) onTime++;
    slack += offset - order.days[stage];
  }
  return { onTimeRate: onTime / orders.length, meanSlackDays: slack / orders.length };
}

function fmt(outcome: Outcome): string {
  return `${(outcome.onTimeRate * 100).toFixed(1)}% ${outcome.meanSlackDays.toFixed(2)}d`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
