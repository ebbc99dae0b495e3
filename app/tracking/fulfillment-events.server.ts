import type { DbClient } from "~/db.server";
import { atomically } from "~/orders/atomically.server";
import type { ShopifyJson } from "~/webhooks/payload";
import { fulfillmentEventFromWebhook } from "./fulfillment-payload";
import type { FulfillmentEventRecord } from "./fulfillment-snapshot";
import { refreshShipments } from "./shipments.server";

/** TrackingEvent.source of Shopify's fulfillment events. */
export const SHOPIFY_EVENT_SOURCE = "shopify";

/**
 * Applies fulfillment_events/create. An event that arrives before its fulfillment is stored all the same
 * and counted when the fulfillment lands (its shipments are derived from every stored event).
 * Throws InvalidShopifyPayloadError if unusable.
 */
export async function applyFulfillmentEventWebhook(client: DbClient, shop: string, payload: ShopifyJson): Promise<void> {
  await recordFulfillmentEvents(client, shop, [fulfillmentEventFromWebhook(payload)]);
}

/**
 * Stores Shopify fulfillment events, idempotent on their gid, and re-derives the shipments of their
 * fulfillments, in one transaction. The one write path for webhooks and reconciliation.
 */
export async function recordFulfillmentEvents(
  client: DbClient,
  shop: string,
  events: readonly FulfillmentEventRecord[],
): Promise<void> {
  if (!events.length) return;
  await atomically(client, async (tx) => {
    for (const event of events) {
      await tx.trackingEvent.upsert({
        where: { shop_source_externalId: { shop, source: SHOPIFY_EVENT_SOURCE, externalId: event.externalId } },
        create: { shop, source: SHOPIFY_EVENT_SOURCE, ...event },
        update: event,
      });
    }
    for (const fulfillmentId of new Set(events.map((event) => event.fulfillmentId))) {
      await refreshShipments(tx, shop, fulfillmentId);
    }
  });
}
