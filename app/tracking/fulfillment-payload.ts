import { z } from "zod";
import {
  gid,
  numericIdAsGid,
  optionalText,
  optionalTimestamp,
  parsePayload,
  timestamp,
} from "~/orders/payload-fields";
import type { ShopifyJson } from "~/webhooks/payload";
import { parcelsFrom, type FulfillmentEventRecord, type FulfillmentSnapshot } from "./fulfillment-snapshot";
import { shopifyEventStatusSchema } from "./status";

const nullableTextList = z
  .array(z.string().nullable())
  .nullish()
  .transform((values) => values ?? []);

/** Shopify's fulfillments/create and fulfillments/update payload (2026-07), reduced to what we keep. */
export const fulfillmentWebhookSchema = z.object({
  admin_graphql_api_id: gid("Fulfillment"),
  order_id: numericIdAsGid("Order"),
  name: optionalText,
  status: z.string().min(1).transform((value) => value.toLowerCase()),
  shipment_status: optionalText.transform((value) => value?.toLowerCase() ?? null),
  location_id: numericIdAsGid("Location").nullish(),
  tracking_company: optionalText,
  service: optionalText,
  tracking_number: optionalText,
  tracking_numbers: nullableTextList,
  tracking_url: optionalText,
  tracking_urls: nullableTextList,
  created_at: timestamp,
  updated_at: timestamp,
  line_items: z
    .array(z.object({ admin_graphql_api_id: gid("LineItem"), quantity: z.number().int().nonnegative() }))
    .nullish()
    .transform((items) => items ?? []),
});

/** Maps a fulfillment webhook payload onto our snapshot; throws InvalidShopifyPayloadError if unusable. */
export function fulfillmentSnapshotFromWebhook(payload: ShopifyJson): FulfillmentSnapshot {
  const fulfillment = parsePayload("fulfillment", fulfillmentWebhookSchema, payload);
  // tracking_numbers / tracking_urls are parallel lists; older payloads carry only the singular fields.
  const numbers = fulfillment.tracking_numbers.length ? fulfillment.tracking_numbers : [fulfillment.tracking_number];
  const urls = fulfillment.tracking_urls.length ? fulfillment.tracking_urls : [fulfillment.tracking_url];
  return {
    fulfillment: {
      id: fulfillment.admin_graphql_api_id,
      orderId: fulfillment.order_id,
      name: fulfillment.name,
      status: fulfillment.status,
      shipmentStatus: fulfillment.shipment_status,
      locationId: fulfillment.location_id ?? null,
      trackingCompany: fulfillment.tracking_company,
      service: fulfillment.service,
      shopifyCreatedAt: fulfillment.created_at,
      shopifyUpdatedAt: fulfillment.updated_at,
    },
    lineItems: fulfillment.line_items.map((item) => ({ lineItemId: item.admin_graphql_api_id, quantity: item.quantity })),
    parcels: parcelsFrom(
      numbers.map((number, index) => ({ number, url: urls[index] ?? null, carrier: fulfillment.tracking_company })),
    ),
  };
}

/** Shopify's fulfillment_events/create payload (2026-07): ids of its fulfillment and order are raw numbers. */
export const fulfillmentEventWebhookSchema = z.object({
  admin_graphql_api_id: gid("FulfillmentEvent"),
  fulfillment_id: numericIdAsGid("Fulfillment"),
  status: shopifyEventStatusSchema,
  message: optionalText,
  happened_at: optionalTimestamp,
  created_at: optionalTimestamp,
  city: optionalText,
  province: optionalText,
  country: optionalText,
  zip: optionalText,
  estimated_delivery_at: optionalTimestamp,
}).transform((event, context) => {
  // Shopify defaults happened_at to the event's creation; older payloads may omit it.
  const happenedAt = event.happened_at ?? event.created_at;
  if (happenedAt) return { ...event, happenedAt };
  context.addIssue({ code: "custom", message: "is required (no happened_at or created_at)", path: ["happened_at"] });
  return z.NEVER;
});

/** Maps a fulfillment event webhook payload onto our record; throws InvalidShopifyPayloadError if unusable. */
export function fulfillmentEventFromWebhook(payload: ShopifyJson): FulfillmentEventRecord {
  const event = parsePayload("fulfillment event", fulfillmentEventWebhookSchema, payload);
  return {
    externalId: event.admin_graphql_api_id,
    fulfillmentId: event.fulfillment_id,
    status: event.status,
    happenedAt: event.happenedAt,
    message: event.message,
    city: event.city,
    province: event.province,
    country: event.country,
    zip: event.zip,
    estimatedDeliveryAt: event.estimated_delivery_at,
  };
}
