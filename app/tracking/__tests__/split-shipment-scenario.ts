import type { ShopifyJson } from "~/webhooks/payload";
import { samplePayload } from "~/orders/__tests__/shopify-samples";

/**
 * One order's webhooks, as Shopify would send them: an order of three items shipped in two fulfillments,
 * the first with two tracking numbers (added after the fulfillment was created), the second with one; a
 * stream of fulfillment events; a refund. Ids are beyond 2^53 and arrive as digit strings.
 */
export const ORDER_NUMBER = "9007199254740993123";
export const ORDER_GID = `gid://shopify/Order/${ORDER_NUMBER}`;
export const FIRST = "9007199254740993201";
export const SECOND = "9007199254740993202";
const LINE_ITEMS = ["9007199254740993301", "9007199254740993302", "9007199254740993303"];

export interface Delivery {
  topic: "orders/updated" | "fulfillments/update" | "fulfillment_events/create" | "refunds/create";
  label: string;
  payload: ShopifyJson;
}

const at = (day: number, hour: number) => `2026-11-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00Z`;

function order(label: string, updatedAt: string, fulfillmentStatus: string | null): Delivery {
  const sample = samplePayload("orders/create");
  const [template] = sample.line_items as Record<string, ShopifyJson>[];
  return {
    topic: "orders/updated",
    label,
    payload: {
      ...sample,
      id: ORDER_NUMBER,
      admin_graphql_api_id: ORDER_GID,
      name: "#1042",
      cancelled_at: null,
      cancel_reason: null,
      financial_status: "paid",
      fulfillment_status: fulfillmentStatus,
      updated_at: updatedAt,
      created_at: at(19, 9),
      processed_at: at(19, 9),
      line_items: LINE_ITEMS.map((id, index) => ({
        ...template,
        id,
        admin_graphql_api_id: `gid://shopify/LineItem/${id}`,
        title: `Item ${index + 1} — ünïcødé`,
        product_id: "9007199254740993999",
      })),
    },
  };
}

function fulfillment(
  label: string,
  id: string,
  updatedAt: string,
  fields: { tracking: string[]; status?: string; shipmentStatus?: string | null; lineItems: number[] },
): Delivery {
  return {
    topic: "fulfillments/update",
    label,
    payload: {
      ...samplePayload("fulfillments/update"),
      id,
      admin_graphql_api_id: `gid://shopify/Fulfillment/${id}`,
      order_id: ORDER_NUMBER,
      name: `#1042.${id === FIRST ? 1 : 2}`,
      status: fields.status ?? "success",
      shipment_status: fields.shipmentStatus ?? null,
      tracking_company: "DHL Express",
      tracking_number: fields.tracking[0] ?? null,
      tracking_numbers: fields.tracking,
      tracking_url: null,
      tracking_urls: fields.tracking.map((number) => `https://dhl.example/track/${number}`),
      created_at: at(20, 8),
      updated_at: updatedAt,
      line_items: fields.lineItems.map((index) => ({
        id: LINE_ITEMS[index]!,
        admin_graphql_api_id: `gid://shopify/LineItem/${LINE_ITEMS[index]}`,
        quantity: 1,
      })),
    },
  };
}

function event(label: string, eventId: string, fulfillmentId: string, status: string, happenedAt: string, estimate: string | null = null): Delivery {
  return {
    topic: "fulfillment_events/create",
    label,
    payload: {
      ...samplePayload("fulfillment_events/create"),
      id: eventId,
      admin_graphql_api_id: `gid://shopify/FulfillmentEvent/${eventId}`,
      fulfillment_id: fulfillmentId,
      order_id: ORDER_NUMBER,
      status,
      happened_at: happenedAt,
      estimated_delivery_at: estimate,
      city: "Köln",
    },
  };
}

/** The deliveries in the order Shopify would send them. */
export function splitShipmentDeliveries(): Delivery[] {
  return [
    order("order created", at(19, 9), null),
    fulfillment("first fulfillment created without tracking", FIRST, at(20, 8), { tracking: [], lineItems: [0, 1] }),
    order("order partially fulfilled", at(20, 8), "partial"),
    fulfillment("first fulfillment gets two tracking numbers", FIRST, at(20, 9), { tracking: ["JD0001", "JD0002"], lineItems: [0, 1] }),
    event("first picked up", "9007199254740994001", FIRST, "carrier_picked_up", at(20, 10), at(23, 18)),
    fulfillment("second fulfillment created", SECOND, at(20, 12), { tracking: ["JD0003"], lineItems: [2] }),
    order("order fulfilled", at(20, 12), "fulfilled"),
    event("second in transit", "9007199254740994002", SECOND, "in_transit", at(20, 14)),
    event("first in transit", "9007199254740994003", FIRST, "in_transit", at(21, 6), at(22, 18)),
    fulfillment("first fulfillment reports in transit", FIRST, at(21, 6), { tracking: ["JD0001", "JD0002"], shipmentStatus: "in_transit", lineItems: [0, 1] }),
    event("second delayed", "9007199254740994004", SECOND, "delayed", at(21, 20)),
    event("first out for delivery", "9007199254740994005", FIRST, "out_for_delivery", at(22, 7)),
    event("first delivered", "9007199254740994006", FIRST, "delivered", at(22, 11)),
    fulfillment("first fulfillment reports delivered", FIRST, at(22, 11), { tracking: ["JD0001", "JD0002"], shipmentStatus: "delivered", lineItems: [0, 1] }),
    event("first stray scan after delivery", "9007199254740994007", FIRST, "in_transit", at(22, 13)),
    {
      topic: "refunds/create",
      label: "refund",
      payload: {
        ...samplePayload("refunds/create"),
        admin_graphql_api_id: "gid://shopify/Refund/9007199254740995001",
        order_id: ORDER_NUMBER,
        created_at: at(22, 15),
      },
    },
  ];
}
