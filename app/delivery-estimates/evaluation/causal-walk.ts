import { createEstimator, type EstimatedDelivery } from "../estimator";
import { epochDayOf, localEpochDay } from "../local-date";
import type { EstimatorOptions } from "../schemas";
import { NEVER_SHIPPED_STATUSES, OLIST_EVALUATION_OPTIONS, OLIST_TIME_ZONE, type OlistOrder } from "./olist-order";
import { createPromiseTally, type PromiseFigures } from "./promise-metrics";

export type EvaluatedStage = "purchase" | "handoff";

/** Figures for one stage: ours, and Olist's own estimate measured on the same orders. */
export interface StageFigures extends PromiseFigures {
  olist: Pick<PromiseFigures, "onTimeRate" | "meanSlackDays">;
}

/** The evaluation's result, printed as the script's last line. */
export interface EvaluationReport {
  purchase: StageFigures;
  handoff: StageFigures;
  orders: number;
}

/** One promise made during the walk, for diagnostics and tests. */
export interface WalkPromise {
  order: OlistOrder;
  stage: EvaluatedStage;
  estimate: EstimatedDelivery;
  evaluated: boolean;
}

export interface CausalWalkInput {
  train: readonly OlistOrder[];
  test: readonly OlistOrder[];
  options?: EstimatorOptions;
  onPromise?: (promise: WalkPromise) => void;
}

type WalkEvent =
  | { at: number; rank: number; kind: "promise"; stage: EvaluatedStage; order: OlistOrder; evaluated: boolean }
  | { at: number; rank: number; kind: "placed" | "handoff" | "delivery"; order: OlistOrder };

// At the same instant, promises come first: a promise may only use what happened strictly before it.
const RANK = { promise: 0, placed: 1, handoff: 2, delivery: 3 } as const;

/**
 * Replays history in time order the way the live system lives it: an order is seen when placed, a hand-off
 * when it happens, a delivery when it lands, and a promise uses only what was seen strictly before it (the
 * estimator follows its promises up from the same events, never from the data's future). Training orders
 * warm the estimator up; only delivered test orders are scored.
 */
export function walkCausally(input: CausalWalkInput): EvaluationReport {
  const estimator = createEstimator({ timeZone: OLIST_TIME_ZONE, ...OLIST_EVALUATION_OPTIONS, ...input.options });
  const testIds = new Set(input.test.map((order) => order.orderId));
  const orders = [...input.train.filter((order) => !testIds.has(order.orderId)), ...input.test];
  const events = orders.flatMap((order) => eventsOf(order, testIds.has(order.orderId)));
  events.sort((a, b) => a.at - b.at || a.rank - b.rank);

  const tallies = { purchase: createPromiseTally(), handoff: createPromiseTally() };
  const olistTallies = { purchase: createPromiseTally(), handoff: createPromiseTally() };

  for (const event of events) {
    const { order } = event;
    const shipment = { shipmentId: order.orderId, facts: order.facts };
    if (event.kind === "placed") {
      estimator.observe({ kind: "placed", ...shipment, at: order.purchasedAt });
    } else if (event.kind === "handoff") {
      estimator.observe({ kind: "handed_off", ...shipment, at: order.handedOffAt!, placedAt: order.purchasedAt });
    } else if (event.kind === "delivery") {
      estimator.observe({ kind: "delivered", ...shipment, at: order.deliveredAt!, handedOffAt: order.handedOffAt ?? undefined });
    } else if (event.kind === "promise") {
      const estimate =
        event.stage === "purchase"
          ? estimator.promise({ stage: "purchase", ...shipment, placedAt: order.purchasedAt })
          : estimator.promise({ stage: "handoff", ...shipment, handedOffAt: order.handedOffAt! });
      input.onPromise?.({ order, stage: event.stage, estimate, evaluated: event.evaluated });
      if (event.evaluated && order.deliveredAt) {
        const delivered = localEpochDay(order.deliveredAt, OLIST_TIME_ZONE);
        tallies[event.stage].add(epochDayOf(estimate.promisedDate), delivered);
        if (order.olistEstimatedDate) olistTallies[event.stage].add(epochDayOf(order.olistEstimatedDate), delivered);
      }
    }
  }

  const stage = (name: EvaluatedStage): StageFigures => {
    const olist = olistTallies[name].figures();
    return { ...tallies[name].figures(), olist: { onTimeRate: olist.onTimeRate, meanSlackDays: olist.meanSlackDays } };
  };
  return { purchase: stage("purchase"), handoff: stage("handoff"), orders: tallies.purchase.count };
}

function eventsOf(order: OlistOrder, isTest: boolean): WalkEvent[] {
  if (NEVER_SHIPPED_STATUSES.has(order.status) && !order.deliveredAt) return [];
  const evaluated = isTest && order.deliveredAt !== null;
  const events: WalkEvent[] = [
    { at: order.purchasedAt.getTime(), rank: RANK.promise, kind: "promise", stage: "purchase", order, evaluated },
    { at: order.purchasedAt.getTime(), rank: RANK.placed, kind: "placed", order },
  ];
  if (order.handedOffAt) {
    events.push({ at: order.handedOffAt.getTime(), rank: RANK.promise, kind: "promise", stage: "handoff", order, evaluated });
    events.push({ at: order.handedOffAt.getTime(), rank: RANK.handoff, kind: "handoff", order });
  }
  if (order.deliveredAt) events.push({ at: order.deliveredAt.getTime(), rank: RANK.delivery, kind: "delivery", order });
  return events;
}
