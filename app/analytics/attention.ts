import { TERMINAL_STATUSES } from "~/tracking/status";
import type { ShipmentStatusCounts } from "./shipment-counts";
import { ATTENTION_SHIPMENT_STATUSES, isShipmentStatus } from "./shipment-status";
import { carrierDisplayName } from "~/tracking/carriers/carrier-registry";

export type AttentionReason = (typeof ATTENTION_SHIPMENT_STATUSES)[number] | "stalled";

/** Why an open shipment needs attention, or null when it does not (closed shipments never do). */
export function attentionReason(
  shipment: { status: string; statusAt: Date; lastEventAt: Date | null },
  stalledBefore: Date,
): AttentionReason | null {
  if (isShipmentStatus(shipment.status) && TERMINAL_STATUSES.has(shipment.status)) return null;
  const flagged = ATTENTION_SHIPMENT_STATUSES.find((status) => status === shipment.status);
  if (flagged) return flagged;
  return lastActivityAt(shipment) < stalledBefore ? "stalled" : null;
}

/** The latest moment anything happened to a shipment: its last event or its last status change. */
export function lastActivityAt(shipment: { statusAt: Date; lastEventAt: Date | null }): Date {
  return shipment.lastEventAt && shipment.lastEventAt > shipment.statusAt ? shipment.lastEventAt : shipment.statusAt;
}

export interface AttentionShipment {
  id: string;
  orderId: string;
  orderName: string | null;
  trackingNumber: string;
  carrier: string | null;
  status: string;
  reason: AttentionReason;
  lastActivityAt: Date;
}

/** A stored shipment as the attention list reads it. */
export interface AttentionRow {
  id: string;
  orderId: string;
  trackingNumber: string;
  carrier: string | null;
  status: string;
  statusAt: Date;
  lastEventAt: Date | null;
}

export interface ShipmentsNeedingAttention {
  total: number;
  byReason: Record<AttentionReason, number>;
  /** The longest-waiting few, oldest first; `total` counts all of them. */
  shipments: AttentionShipment[];
}

/** Shipments needing attention: flagged statuses come from the status counts, stalled ones are counted apart. */
export function summariseAttention(
  statusCounts: ShipmentStatusCounts,
  stalled: number,
  rows: readonly AttentionRow[],
  orderNames: ReadonlyMap<string, string>,
  stalledBefore: Date,
): ShipmentsNeedingAttention {
  const byReason: Record<AttentionReason, number> = {
    exception: statusCounts.exception,
    attempted_delivery: statusCounts.attempted_delivery,
    delayed: statusCounts.delayed,
    stalled,
  };
  const shipments = rows.flatMap((row) => {
    const reason = attentionReason(row, stalledBefore);
    if (!reason) return [];
    const { id, orderId, trackingNumber, carrier, status } = row;
    const orderName = orderNames.get(orderId) ?? null;
    // Shown to merchants by the name they know ("DHL Express"), not our carrier id.
    const carrierName = carrier ? carrierDisplayName(carrier) : null;
    return [{ id, orderId, orderName, trackingNumber, carrier: carrierName, status, reason, lastActivityAt: lastActivityAt(row) }];
  });
  const total = Object.values(byReason).reduce((sum, count) => sum + count, 0);
  return { total, byReason, shipments };
}
