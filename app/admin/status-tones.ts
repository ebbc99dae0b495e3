import type { BadgeProps } from "@shopify/polaris";
import type { AttentionReason } from "~/analytics/attention";
import type { OrderFulfillment } from "~/analytics/order-counts";
import type { ShipmentStatus } from "~/tracking/status";

type Tone = BadgeProps["tone"];
type Progress = BadgeProps["progress"];

/** Badge tone per shipment status: problems critical or warning, moving parcels info, delivered success. */
export const SHIPMENT_STATUS_TONES: Record<ShipmentStatus, Tone> = {
  label_created: undefined,
  picked_up: "info",
  in_transit: "info",
  out_for_delivery: "info",
  attempted_delivery: "warning",
  ready_for_pickup: "attention",
  delayed: "warning",
  exception: "critical",
  delivered: "success",
  returned_to_sender: "critical",
  cancelled: undefined,
};

/** Badge label, tone and progress pip per order fulfillment state, as Shopify admin shows them. */
export const ORDER_FULFILLMENT_BADGES: Record<OrderFulfillment, { label: string; tone: Tone; progress: Progress }> = {
  unfulfilled: { label: "Unfulfilled", tone: "attention", progress: "incomplete" },
  partially_fulfilled: { label: "Partially fulfilled", tone: "warning", progress: "partiallyComplete" },
  fulfilled: { label: "Fulfilled", tone: undefined, progress: "complete" },
  cancelled: { label: "Cancelled", tone: undefined, progress: undefined },
};

/** Badge label and tone per reason a shipment needs attention. */
export const ATTENTION_REASON_BADGES: Record<AttentionReason, { label: string; tone: Tone }> = {
  exception: { label: "Exception", tone: "critical" },
  attempted_delivery: { label: "Delivery attempted", tone: "warning" },
  delayed: { label: "Delayed", tone: "warning" },
  stalled: { label: "No update", tone: "attention" },
};
