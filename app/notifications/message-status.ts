/** The life of an outbox row: pending → sending → sent | failed | suppressed; a transient failure returns it to pending. */
export const MESSAGE_STATUS = {
  pending: "pending",
  sending: "sending",
  sent: "sent",
  failed: "failed",
  suppressed: "suppressed",
} as const;

export type MessageStatus = (typeof MESSAGE_STATUS)[keyof typeof MESSAGE_STATUS];

/** Why a message was not sent; shown in the merchant's message log. */
export const SUPPRESSION_REASONS = [
  "channel_not_configured",
  "channel_disabled",
  "no_recipient",
  "invalid_recipient",
  "no_consent",
  "unsubscribed",
  "superseded",
  "order_cancelled",
  "coalesced",
  "order_missing",
  "return_started",
] as const;

export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
