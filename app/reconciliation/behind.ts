import type { OrderVersion } from "./order-node";
import { FULFILLMENTS_PER_LISTED_ORDER } from "./orders-query";

/** What we hold of the listed orders: `shopifyUpdatedAt` per order/fulfillment gid, and Shopify event gids. */
export interface HeldState {
  versions: ReadonlyMap<string, Date>;
  eventIds: ReadonlySet<string>;
}

const isBehind = (held: Date | undefined, current: Date) => held === undefined || held < current;

/**
 * The orders Shopify holds newer than we do, whose details must be read: the order or one of its
 * fulfillments is missing or older, a fulfillment's newest event is missing (its own version can be current
 * when only the event webhook was dropped), or the order may have more fulfillments than were listed.
 */
export function ordersBehind(versions: readonly OrderVersion[], held: HeldState): string[] {
  return versions
    .filter(
      (version) =>
        isBehind(held.versions.get(version.id), version.updatedAt) ||
        version.fulfillments.length >= FULFILLMENTS_PER_LISTED_ORDER ||
        version.fulfillments.some(
          (fulfillment) =>
            isBehind(held.versions.get(fulfillment.id), fulfillment.updatedAt) ||
            fulfillment.events.nodes.some((event) => !held.eventIds.has(event.id)),
        ),
    )
    .map((version) => version.id);
}
