/** Steps of the journey a progress bar shows; problems sit at the step the parcel had reached. */
export const PROGRESS_STEPS = 4;

const STEP: Record<string, number> = {
  label_created: 1,
  picked_up: 2,
  in_transit: 2,
  delayed: 2,
  exception: 2,
  out_for_delivery: 3,
  attempted_delivery: 3,
  ready_for_pickup: 3,
  delivered: 4,
};

const PROBLEMS = new Set(["exception", "attempted_delivery", "delayed", "returned_to_sender"]);

/** How far along a parcel is (1…4), or null for a journey that ended without delivery (returned, cancelled, unknown). */
export function progressStep(status: string): number | null {
  return STEP[status] ?? null;
}

/** Whether the shopper should read the status as a problem. */
export function isProblem(status: string): boolean {
  return PROBLEMS.has(status);
}

const KNOWN = new Set([...Object.keys(STEP), "returned_to_sender", "cancelled"]);

/** The locale key of a status label; a status this build does not know reads as a generic update. */
export function statusKey(status: string): string {
  return `status.${KNOWN.has(status) ? status : "unknown"}`;
}
