import type { ShipmentStatus } from "~/tracking/status";

/** The milestones a parcel passes on a normal journey, in order: the progress bar's steps. */
export const PROGRESS_MILESTONES = ["label_created", "picked_up", "in_transit", "out_for_delivery", "delivered"] as const satisfies readonly ShipmentStatus[];

export type StepState = "done" | "current" | "upcoming";
/** How the bar is coloured: on track, needs the shopper's attention, went wrong, or finished. */
export type ProgressTone = "normal" | "warning" | "critical" | "complete";

export interface ProgressStep {
  /** The status this step names; the current step names the parcel's actual status (e.g. ready_for_pickup). */
  status: ShipmentStatus;
  state: StepState;
}

export interface Progress {
  steps: ProgressStep[];
  tone: ProgressTone;
  /** 0–100, for the bar's fill. */
  percent: number;
}

// Off-course statuses sit on the milestone where they happen; null means "wherever the parcel had got to".
const STEP_OF: Record<ShipmentStatus, number | null> = {
  label_created: 0,
  picked_up: 1,
  in_transit: 2,
  delayed: 2,
  out_for_delivery: 3,
  attempted_delivery: 3,
  ready_for_pickup: 3,
  delivered: 4,
  exception: null,
  returned_to_sender: null,
  cancelled: null,
};

const TONE_OF: Record<ShipmentStatus, ProgressTone> = {
  label_created: "normal",
  picked_up: "normal",
  in_transit: "normal",
  out_for_delivery: "normal",
  ready_for_pickup: "normal",
  delayed: "warning",
  attempted_delivery: "warning",
  exception: "critical",
  returned_to_sender: "critical",
  cancelled: "critical",
  delivered: "complete",
};

/**
 * The progress bar of a parcel in `status`, given every status its timeline has reached: the bar never shows
 * less progress than the furthest milestone seen, so an exception after "out for delivery" stays there.
 */
export function shipmentProgress(status: ShipmentStatus, reached: readonly ShipmentStatus[]): Progress {
  const furthest = Math.max(0, ...reached.map((seen) => STEP_OF[seen] ?? 0));
  const current = status === "delivered" ? 4 : Math.max(furthest, STEP_OF[status] ?? 0);
  const steps = PROGRESS_MILESTONES.map((milestone, index): ProgressStep => {
    if (index < current || (index === current && status === "delivered")) return { status: milestone, state: "done" };
    if (index === current) return { status: STEP_OF[status] === index ? status : milestone, state: "current" };
    return { status: milestone, state: "upcoming" };
  });
  return { steps, tone: TONE_OF[status], percent: Math.round((current / (PROGRESS_MILESTONES.length - 1)) * 100) };
}
