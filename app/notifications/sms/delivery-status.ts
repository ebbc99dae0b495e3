/** Where the SMS provider reports delivery (app/routes/notifications.sms.status.tsx), passed as StatusCallback. */
export const SMS_STATUS_CALLBACK_PATH = "/notifications/sms/status";

/**
 * What an SMS provider reports about a text after accepting it (Twilio's MessageStatus), in the order a text
 * moves through them. Callbacks arrive out of order and more than once, so a report only counts when it moves a
 * message forward: a late "sent" never undoes "delivered", and the first final report wins.
 */
export const SMS_DELIVERY_STATUSES = ["accepted", "scheduled", "queued", "sending", "sent", "delivered", "undelivered", "failed"] as const;
export type SmsDeliveryStatus = (typeof SMS_DELIVERY_STATUSES)[number];

/** Reports that end a text's journey: the carrier handed it over, or gave up. */
export const FINAL_SMS_STATUSES: ReadonlySet<SmsDeliveryStatus> = new Set(["delivered", "undelivered", "failed"]);

const RANK: Readonly<Record<SmsDeliveryStatus, number>> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
};

/** The provider's status as ours, or null for one we do not track (e.g. "read", "canceled", inbound states). */
export function smsDeliveryStatusOf(value: string): SmsDeliveryStatus | null {
  const lower = value.trim().toLowerCase();
  return SMS_DELIVERY_STATUSES.find((status) => status === lower) ?? null;
}

/** The stored statuses a report of `next` may replace: none, or any earlier one (never a final one). */
export function statusesOvertakenBy(next: SmsDeliveryStatus): SmsDeliveryStatus[] {
  return SMS_DELIVERY_STATUSES.filter((status) => RANK[status] < RANK[next]);
}
