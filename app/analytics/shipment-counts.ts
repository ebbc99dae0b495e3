import { SHIPMENT_STATUSES, type ShipmentStatus } from "~/tracking/status";
import { isShipmentStatus } from "./shipment-status";

/** Counts keyed in journey order (label_created … cancelled, then other), which the UI lists them in. */
export type ShipmentStatusCounts = Record<ShipmentStatus | "other", number>;

export interface ShipmentCounts {
  total: number;
  byStatus: ShipmentStatusCounts;
}

/** Shipment counts per normalised status from grouped counts; unknown statuses are counted as "other". */
export function countShipments(byStatus: ReadonlyArray<{ status: string; count: number }>): ShipmentCounts {
  const counts = Object.fromEntries([...SHIPMENT_STATUSES, "other"].map((status) => [status, 0])) as ShipmentStatusCounts;
  let total = 0;
  for (const group of byStatus) {
    counts[isShipmentStatus(group.status) ? group.status : "other"] += group.count;
    total += group.count;
  }
  return { total, byStatus: counts };
}

/** Sorts shipment statuses along the journey (label_created first); statuses app/tracking does not define go last. */
export function byJourney(a: string, b: string): number {
  return journeyIndex(a) - journeyIndex(b);
}

function journeyIndex(status: string): number {
  const index = (SHIPMENT_STATUSES as readonly string[]).indexOf(status);
  return index === -1 ? SHIPMENT_STATUSES.length : index;
}
