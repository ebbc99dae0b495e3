import type { ShipmentFacts } from "../schemas";

/** One Olist order as the evaluation replays it. Instants are real instants (read from São Paulo local time). */
export interface OlistOrder {
  orderId: string;
  status: string;
  purchasedAt: Date;
  handedOffAt: Date | null;
  deliveredAt: Date | null;
  /** Olist's own promise at purchase (an ISO date), the figure to beat. */
  olistEstimatedDate: string | null;
  facts: ShipmentFacts;
}

/** Olist's time zone: the CSV timestamps are local times there. */
export const OLIST_TIME_ZONE = "America/Sao_Paulo";

/** Statuses of orders that never ship, so no promise about them is ever settled. */
export const NEVER_SHIPPED_STATUSES: ReadonlySet<string> = new Set(["canceled", "unavailable"]);

/**
 * The targets the Olist evaluation runs with. Outside shocks the realised on-time rate lands above the target
 * (whole-day promises, working days), so these are set to land just above the goals on calm development
 * months (purchase 0.92 → 93.8% for the goal of 93.25%; hand-off 0.955 → 95.2% for 95%). The earlier 94.5% / 96%
 * overshot there by 1.9 / 0.3 points for 1.5 / 0.25 days more slack, and slack is the other half of each goal.
 * Shocks (Black Friday, a backlog) still pull the rate below target until calibration answers them.
 */
export const OLIST_EVALUATION_OPTIONS = { targetOnTimeRate: 0.92, stageTargets: { handoff: 0.955 } } as const;
