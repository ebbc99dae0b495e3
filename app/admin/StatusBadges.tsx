import { Badge } from "@shopify/polaris";
import type { AttentionReason } from "~/analytics/attention";
import type { OrderFulfillment } from "~/analytics/order-counts";
import { isShipmentStatus, shipmentStatusLabel } from "~/analytics/shipment-status";
import { ATTENTION_REASON_BADGES, ORDER_FULFILLMENT_BADGES, SHIPMENT_STATUS_TONES } from "./status-tones";

/** A shipment's normalised status as a toned badge; `count` above one is appended ("In transit × 2"). */
export function ShipmentStatusBadge({ status, count = 1 }: { status: string; count?: number }) {
  const tone = isShipmentStatus(status) ? SHIPMENT_STATUS_TONES[status] : undefined;
  const label = shipmentStatusLabel(status);
  return <Badge tone={tone}>{count > 1 ? `${label} × ${count}` : label}</Badge>;
}

/** An order's fulfillment state as a badge with Shopify's progress pip. */
export function OrderFulfillmentBadge({ fulfillment }: { fulfillment: OrderFulfillment }) {
  const { label, tone, progress } = ORDER_FULFILLMENT_BADGES[fulfillment];
  return (
    <Badge tone={tone} progress={progress}>
      {label}
    </Badge>
  );
}

/** Why a shipment needs attention, as a toned badge. */
export function AttentionReasonBadge({ reason }: { reason: AttentionReason }) {
  const { label, tone } = ATTENTION_REASON_BADGES[reason];
  return <Badge tone={tone}>{label}</Badge>;
}
