import type { EstimatedDelivery, Estimator } from "./estimator";
import type { ShipmentFacts } from "./schemas";

/** What is known of one shipment: when it was placed, handed off and delivered (null: not yet). */
export interface ShipmentHistory {
  shipmentId: string;
  facts: ShipmentFacts;
  placedAt: Date;
  handedOffAt: Date | null;
  deliveredAt: Date | null;
}

export type ReplayedStage = "purchase" | "handoff";

export interface ReplayOptions {
  /** Each promise made on the way (at purchase, and at hand-off), in the order they were made. */
  onPromise?: (history: ShipmentHistory, stage: ReplayedStage, estimate: EstimatedDelivery) => void;
}

type ReplayEvent = { at: number; rank: number; history: ShipmentHistory; kind: "promise-purchase" | "placed" | "promise-handoff" | "handed_off" | "delivered" };

// At the same instant, promises come first: a promise may only use what happened strictly before it.
const RANK = { "promise-purchase": 0, "promise-handoff": 0, placed: 1, handed_off: 2, delivered: 3 } as const;

/**
 * Replays shipments in time order the way the live system lives them: a shipment is seen when placed, its
 * hand-off when it happens, its delivery when it lands, and a promise is made (and followed up, so it
 * calibrates later ones) at purchase and at hand-off from only what was seen strictly before. Shipments not
 * yet handed off or delivered stay in flight: they are what shows a backlog. The Olist evaluation and the live
 * app's rebuild of a shop's estimator both go through here, so what is measured is what runs.
 */
export function replayHistory(estimator: Estimator, histories: readonly ShipmentHistory[], options: ReplayOptions = {}): void {
  const events: ReplayEvent[] = [];
  for (const history of histories) {
    const placedAt = history.placedAt.getTime();
    events.push({ at: placedAt, rank: RANK["promise-purchase"], history, kind: "promise-purchase" });
    events.push({ at: placedAt, rank: RANK.placed, history, kind: "placed" });
    if (history.handedOffAt) {
      const handedOffAt = history.handedOffAt.getTime();
      events.push({ at: handedOffAt, rank: RANK["promise-handoff"], history, kind: "promise-handoff" });
      events.push({ at: handedOffAt, rank: RANK.handed_off, history, kind: "handed_off" });
    }
    if (history.deliveredAt) events.push({ at: history.deliveredAt.getTime(), rank: RANK.delivered, history, kind: "delivered" });
  }
  events.sort((a, b) => a.at - b.at || a.rank - b.rank);

  for (const { history, kind } of events) {
    const { shipmentId, facts } = history;
    switch (kind) {
      case "promise-purchase": {
        // Made (and followed) whether or not anyone listens: the promise is what calibrates the next ones.
        const estimate = estimator.promise({ stage: "purchase", shipmentId, facts, placedAt: history.placedAt });
        options.onPromise?.(history, "purchase", estimate);
        break;
      }
      case "placed":
        estimator.observe({ kind: "placed", shipmentId, facts, at: history.placedAt });
        break;
      case "promise-handoff": {
        const estimate = estimator.promise({ stage: "handoff", shipmentId, facts, handedOffAt: history.handedOffAt! });
        options.onPromise?.(history, "handoff", estimate);
        break;
      }
      case "handed_off":
        estimator.observe({ kind: "handed_off", shipmentId, facts, at: history.handedOffAt!, placedAt: history.placedAt });
        break;
      case "delivered":
        estimator.observe({ kind: "delivered", shipmentId, facts, at: history.deliveredAt!, handedOffAt: history.handedOffAt ?? undefined });
        break;
    }
  }
}
