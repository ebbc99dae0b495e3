/** The states of a WebhookEvent row (see prisma/schema.prisma). */
export const WEBHOOK_EVENT_STATUS = {
  /** Stored and waiting for (or between attempts of) its job; `error` holds the last attempt's failure. */
  received: "received",
  processed: "processed",
  /** Nothing handles the topic; `error` says why. */
  ignored: "ignored",
  /** Stored for a feature that will handle it later; replayable. */
  deferred: "deferred",
  /** The job gave up; `error` holds why. */
  failed: "failed",
} as const;

export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUS)[keyof typeof WEBHOOK_EVENT_STATUS];
