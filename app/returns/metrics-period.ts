import { z } from "zod";
import { InvalidInputError } from "~/errors";

/** The periods the returns numbers offer, in days. */
export const METRIC_PERIODS = [30, 90, 365] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number];
export const DEFAULT_METRIC_PERIOD: MetricPeriod = 30;

const periodSchema = z.enum(METRIC_PERIODS.map(String) as [string, ...string[]], `must be one of ${METRIC_PERIODS.join(", ")} (days)`);

/** The `period` URL parameter (days); missing or blank is the default, anything else names the choices. */
export function parseMetricPeriod(value: string | null): MetricPeriod {
  if (value === null || value === "") return DEFAULT_METRIC_PERIOD;
  const parsed = periodSchema.safeParse(value);
  if (!parsed.success) throw new InvalidInputError({ period: parsed.error.issues.map((issue) => issue.message) }, "The period is invalid");
  return Number(parsed.data) as MetricPeriod;
}
