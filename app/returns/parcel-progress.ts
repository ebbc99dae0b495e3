import type { ShipmentStatus } from "~/tracking/status";
import { canMove, type CaseStatus } from "./case-status";

/**
 * What the carrier's status of a return label's parcel means for its return: once the carrier has it, the
 * return is on its way back; once delivered (to the merchant, the label's addressee), it is received and ready
 * to process. Statuses before the first scan, and a parcel sent back to the shopper, move nothing.
 */
export interface ParcelStep {
  target: "in_transit" | "received";
  text: string;
}

const ON_ITS_WAY: ReadonlySet<ShipmentStatus> = new Set([
  "picked_up",
  "in_transit",
  "out_for_delivery",
  "attempted_delivery",
  "ready_for_pickup",
  "delayed",
  "exception",
]);

const STEPS: Record<ParcelStep["target"], ParcelStep> = {
  in_transit: { target: "in_transit", text: "Return parcel on its way back (carrier scan)" },
  received: { target: "received", text: "Return parcel delivered to the store (carrier scan)" },
};

/** The step a parcel status moves a case of `caseStatus` to, or null when it moves nothing (never backwards). */
export function parcelStep(caseStatus: CaseStatus, parcelStatus: ShipmentStatus): ParcelStep | null {
  const target = parcelStatus === "delivered" ? "received" : ON_ITS_WAY.has(parcelStatus) ? "in_transit" : null;
  if (!target || !canMove(caseStatus, target)) return null;
  return STEPS[target];
}
