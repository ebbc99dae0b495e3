import {
  nextShipmentState,
  SHIPMENT_STATUSES,
  shipmentStatusFromShopify,
  type ShipmentState,
  type ShipmentStatus,
} from "./status";

/** What a fulfillment says about all its parcels. */
export interface FulfillmentFacts {
  /** Shopify's fulfillment status: success, cancelled, error, failure, pending, open. */
  status: string;
  /** Shopify's shipment_status (its latest event status), if any. */
  shipmentStatus: string | null;
  estimatedDeliveryAt: Date | null;
  shopifyCreatedAt: Date;
  shopifyUpdatedAt: Date;
}

/** An event on a shipment's timeline, as stored. */
export interface TimelineEvent {
  externalId: string;
  status: ShipmentStatus;
  happenedAt: Date;
  estimatedDeliveryAt: Date | null;
}

export interface DerivedShipmentState extends ShipmentState {
  deliveredAt: Date | null;
  estimatedDeliveryAt: Date | null;
  lastEventAt: Date | null;
}

const BEFORE_EVERYTHING = new Date(0);

/** A total order on events, so the same set always folds the same way whatever order it arrived in. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    a.happenedAt.getTime() - b.happenedAt.getTime() ||
    SHIPMENT_STATUSES.indexOf(a.status) - SHIPMENT_STATUSES.indexOf(b.status) ||
    (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0)
  );
}

/**
 * A shipment's state from its fulfillment and every event we hold for it, folded in time order through
 * `nextShipmentState`. Derived from the whole set rather than patched per event, so any arrival order
 * (late events, events before their fulfillment, replays) ends in the same state.
 */
export function deriveShipmentState(fulfillment: FulfillmentFacts, events: readonly TimelineEvent[]): DerivedShipmentState {
  const timeline = [...events].sort(compareEvents);
  const lastEventAt = timeline.at(-1)?.happenedAt ?? null;
  if (fulfillment.status === "cancelled") {
    return { status: "cancelled", statusAt: fulfillment.shopifyUpdatedAt, deliveredAt: null, estimatedDeliveryAt: null, lastEventAt };
  }
  const reported = fulfillment.shipmentStatus ? shipmentStatusFromShopify(fulfillment.shipmentStatus) : undefined;
  // Shopify's shipment_status is what it knew at the fulfillment's updated_at: it counts as an event then,
  // which covers an event webhook we never received.
  const withReported = reported
    ? [...timeline, { externalId: "", status: reported, happenedAt: fulfillment.shopifyUpdatedAt, estimatedDeliveryAt: null }].sort(compareEvents)
    : timeline;
  let state: ShipmentState = { status: "label_created", statusAt: BEFORE_EVERYTHING };
  for (const event of withReported) state = nextShipmentState(state, event);
  const statusAt = state.statusAt === BEFORE_EVERYTHING ? fulfillment.shopifyCreatedAt : state.statusAt;
  return {
    status: state.status,
    statusAt,
    deliveredAt: state.status === "delivered" ? statusAt : null,
    estimatedDeliveryAt: latestEstimate(fulfillment, timeline),
    lastEventAt,
  };
}

/**
 * The most recently given delivery estimate: each event's as of when it happened, the fulfillment's as of its
 * last update (an Admin API read carries Shopify's current estimate). A later estimate replaces an earlier one
 * even when it is later in the calendar: a slipped delivery date is news, not noise.
 */
function latestEstimate(fulfillment: FulfillmentFacts, timeline: readonly TimelineEvent[]): Date | null {
  let latest: { givenAt: Date; estimate: Date } | null = fulfillment.estimatedDeliveryAt
    ? { givenAt: fulfillment.shopifyUpdatedAt, estimate: fulfillment.estimatedDeliveryAt }
    : null;
  for (const event of timeline) {
    if (event.estimatedDeliveryAt && (!latest || event.happenedAt >= latest.givenAt)) {
      latest = { givenAt: event.happenedAt, estimate: event.estimatedDeliveryAt };
    }
  }
  return latest?.estimate ?? null;
}
