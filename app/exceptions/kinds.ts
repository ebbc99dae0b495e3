/** The delivery problems the exceptions scan flags. */
export const EXCEPTION_KINDS = ["stalled", "past_due", "failed_attempt", "returned_to_sender", "unfulfilled_past_handling", "predicted_late"] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/**
 * Kinds the shopper already hears about from their own shipment milestone (attempted delivery, carrier exception,
 * returned to sender): flagging them must not send a second apology for the same moment.
 */
export const KINDS_ANNOUNCED_BY_MILESTONE: ReadonlySet<ExceptionKind> = new Set(["failed_attempt", "returned_to_sender"]);
