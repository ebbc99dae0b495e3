import { z } from "zod";

/** The states of a Job row (prisma/schema.prisma). `queued` and `running` are live; the others are final. */
export const JOB_STATUS = {
  queued: "queued",
  running: "running",
  succeeded: "succeeded",
  dead: "dead",
  cancelled: "cancelled",
} as const;

export const LIVE_JOB_STATUSES = [JOB_STATUS.queued, JOB_STATUS.running];

export const DEFAULT_MAX_ATTEMPTS = 8;

// Raw SQL rows: drivers return integers as number or bigint and timestamps as Date or text.
const integer = z.union([z.number().int(), z.bigint().transform(Number)]);
const timestamp = z.union([z.date(), z.string().transform((text) => new Date(text))]);

/** A job as a worker holds it after claiming: `lockedBy` + `attempts` identify the lease. */
export const claimedJobSchema = z.object({
  shop: z.string(),
  id: z.string(),
  name: z.string(),
  payload: z.string(),
  uniqueKey: z.string().nullable(),
  attempts: integer,
  maxAttempts: integer,
  repeatEveryMs: integer.nullable(),
  runAt: timestamp,
  lockedBy: z.string(),
  lockedUntil: timestamp,
  lastError: z.string().nullable(),
});

export type ClaimedJob = z.infer<typeof claimedJobSchema>;

/** The columns claimJobs returns, in claimedJobSchema's shape. */
export const CLAIMED_JOB_COLUMNS = Object.keys(claimedJobSchema.shape)
  .map((column) => `"${column}"`)
  .join(", ");
