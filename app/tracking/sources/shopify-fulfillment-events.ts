import type { ShopifyJson } from "~/webhooks/payload";
import { fulfillmentEventFromWebhook } from "../fulfillment-payload";
import type { FulfillmentEventRecord } from "../fulfillment-snapshot";
import type { CarrierUpdateSource, TrackingUpdate } from "./carrier-update-source";

/** Shopify's fulfillment events (the default source): each concerns every parcel of its fulfillment. */
export const shopifyFulfillmentEvents: CarrierUpdateSource<ShopifyJson> = {
  name: "shopify",
  updatesFrom: (payload) => updatesFromFulfillmentEvents([fulfillmentEventFromWebhook(payload)]),
};

/** Shopify fulfillment events (from webhooks or an Admin API read) as one update per fulfillment. */
export function updatesFromFulfillmentEvents(events: readonly FulfillmentEventRecord[]): TrackingUpdate[] {
  const byFulfillment = new Map<string, TrackingUpdate>();
  for (const { fulfillmentId, ...event } of events) {
    const update = byFulfillment.get(fulfillmentId) ?? { source: "shopify", target: { fulfillmentId }, events: [] };
    update.events.push(event);
    byFulfillment.set(fulfillmentId, update);
  }
  return [...byFulfillment.values()];
}
