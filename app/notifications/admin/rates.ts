import { MESSAGE_STATUS } from "../message-status";
import { TRIGGERS, type Trigger } from "../milestones";
import { FINAL_SMS_STATUSES } from "../sms/delivery-status";

/** One grouped count of outbox rows: how many of a trigger/channel/status, and how many of them were opened or clicked. */
export interface MessageCountGroup {
  trigger: string;
  channel: string;
  status: string;
  /** What the SMS provider last reported (null for email, or before any report). */
  deliveryStatus: string | null;
  count: number;
  opened: number;
  clicked: number;
}

/** A trigger's outcomes over a period; rates are fractions (0–1), null when nothing was sent to measure them on. */
export interface TriggerRates {
  trigger: Trigger;
  sent: number;
  failed: number;
  suppressed: number;
  /** Sent out of those that reached a final attempt (sent + failed). */
  deliveryRate: number | null;
  /** Texts the carrier reported delivered, out of those with a final carrier report (StatusCallback). */
  smsDeliveryRate: number | null;
  /** Opened out of emails sent (a tracking pixel: SMS cannot be counted). */
  openRate: number | null;
  /** Clicked out of emails sent (signed redirect links). */
  clickRate: number | null;
}

/** Folds grouped counts into one row per known trigger, in the catalogue's order. */
export function summariseRates(
  groups: readonly MessageCountGroup[]
): TriggerRates[] {
  return TRIGGERS.map((trigger) => {
    const mine = groups.filter((group) => group.trigger === trigger);
    const total = (status: string) =>
      mine
        .filter((group) => group.status === status)
        .reduce((sum, group) => sum + group.count, 0);
    const sentEmail = mine.filter(
      (group) =>
        group.status === MESSAGE_STATUS.sent && group.channel === "email"
    );
    const emailsSent = sentEmail.reduce((sum, group) => sum + group.count, 0);
    const sent = total(MESSAGE_STATUS.sent);
    const reported = (statuses: readonly string[]) =>
      mine
        .filter(
          (group) =>
            group.channel === "sms" &&
            statuses.includes(group.deliveryStatus ?? "")
        )
        .reduce((sum, group) => sum + group.count, 0);
    const failed = total(MESSAGE_STATUS.failed);
    return {
      trigger,
      sent,
      failed,
      suppressed: total(MESSAGE_STATUS.suppressed),
      deliveryRate: ratio(sent, sent + failed),
      smsDeliveryRate: ratio(
        reported(["delivered"]),
        reported([...FINAL_SMS_STATUSES])
      ),
      openRate: ratio(
        sentEmail.reduce((sum, group) => sum + group.opened, 0),
        emailsSent
      ),
      clickRate: ratio(
        sentEmail.reduce((sum, group) => sum + group.clicked, 0),
        emailsSent
      ),
    };
  });
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
