import type { DbClient } from "~/db.server";
import type { ShopifyJson } from "~/webhooks/payload";
import type { FulfillmentEventRecord } from "./fulfillment-snapshot";
import { applyTrackingUpdates } from "./sources/apply-updates.server";
import { shopifyFulfillmentEvents, updatesFromFulfillmentEvents } from "./sources/shopify-fulfillment-events";

/** TrackingEvent.source of Shopify's fulfillment events. */
export const SHOPIFY_EVENT_SOURCE = shopifyFulfillmentEvents.name;

/**
 * Applies fulfillment_events/create. An event that arrives before its fulfillment is stored all the same
 * and counted when the fulfillment lands (its shipments are derived from every stored event).
 * Throws InvalidShopifyPayloadError if unusable.
 */
export async function applyFulfillmentEventWebhook(client: DbClient, shop: string, payload: ShopifyJson): Promise<void> {
  await applyTrackingUpdates(client, shop, shopifyFulfillmentEvents.updatesFrom(payload));
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
  await applyTrackingUpdates(client, shop, updatesFromFulfillmentEvents(events));
}
