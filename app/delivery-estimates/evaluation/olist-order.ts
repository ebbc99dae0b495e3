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
 * (whole-day promises, working days), and through a backlog below it until calibration answers. At purchase
 * the product's default of 93% is used: with the window calibration it lands at 94.1% on calm development
 * months and 90.3–92.2% through Black Friday and the early-2018 backlog (Olist's own rate on the withheld
 * period, 93.25%, lies between the two). At hand-off 0.965 lands at 95.2% on calm months for the goal of 95%
 * (the window calibration lands lower than the integrator did at 0.955, for the same or less slack).
 */
export const OLIST_EVALUATION_OPTIONS = { targetOnTimeRate: 0.93, stageTargets: { handoff: 0.965 } } as const;
