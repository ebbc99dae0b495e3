import { createEstimator, type EstimatedDelivery } from "../estimator";
import { replayHistory, type ShipmentHistory } from "../replay";
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

/**
 * Replays history in time order the way the live system lives it (replay.ts): an order is seen when placed, a
 * hand-off when it happens, a delivery when it lands, and a promise uses only what was seen strictly before it
 * (the estimator follows its promises up from the same events, never from the data's future). Training orders
 * warm the estimator up; only delivered test orders are scored.
 */
export function walkCausally(input: CausalWalkInput): EvaluationReport {
  const estimator = createEstimator({ timeZone: OLIST_TIME_ZONE, ...OLIST_EVALUATION_OPTIONS, ...input.options });
  const testIds = new Set(input.test.map((order) => order.orderId));
  const orders = [...input.train.filter((order) => !testIds.has(order.orderId)), ...input.test].filter(
    (order) => !NEVER_SHIPPED_STATUSES.has(order.status) || order.deliveredAt !== null,
  );
  const orderOf = new Map(orders.map((order) => [order.orderId, order]));

  const tallies = { purchase: createPromiseTally(), handoff: createPromiseTally() };
  const olistTallies = { purchase: createPromiseTally(), handoff: createPromiseTally() };

  const histories: ShipmentHistory[] = orders.map((order) => ({
    shipmentId: order.orderId,
    facts: order.facts,
    placedAt: order.purchasedAt,
    handedOffAt: order.handedOffAt,
    deliveredAt: order.deliveredAt,
  }));
  replayHistory(estimator, histories, {
    onPromise(history, stage, estimate) {
      const order = orderOf.get(history.shipmentId)!;
      const evaluated = testIds.has(order.orderId) && order.deliveredAt !== null;
      input.onPromise?.({ order, stage, estimate, evaluated });
      if (evaluated) {
        const delivered = localEpochDay(order.deliveredAt!, OLIST_TIME_ZONE);
        tallies[stage].add(epochDayOf(estimate.promisedDate), delivered);
        if (order.olistEstimatedDate) olistTallies[stage].add(epochDayOf(order.olistEstimatedDate), delivered);
      }
    },
  });

  const stage = (name: EvaluatedStage): StageFigures => {
    const olist = olistTallies[name].figures();
    return { ...tallies[name].figures(), olist: { onTimeRate: olist.onTimeRate, meanSlackDays: olist.meanSlackDays } };
  };
  return { purchase: stage("purchase"), handoff: stage("handoff"), orders: tallies.purchase.count };
}
