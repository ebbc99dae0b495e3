import type { Db } from "~/db.server";
import { FINAL_SMS_STATUSES, smsDeliveryStatusOf, statusesOvertakenBy } from "./delivery-status";

/** A provider's delivery report for one text (Twilio StatusCallback: MessageSid, MessageStatus, ErrorCode). */
export interface SmsStatusReport {
  providerMessageId: string;
  status: string;
  errorCode: string | null;
  at: Date;
}

export type StatusReportOutcome = "applied" | "unknown_message" | "untracked_status" | "not_newer";

/**
 * Records a delivery report on the text it is about. The provider's message id is unique across its accounts,
 * so this is the one look-up not scoped by a shop the caller names: the shop comes from the row found. The
 * update is conditional on the stored status being earlier, so duplicates and late reports change nothing.
 */
export async function applySmsStatusReport(db: Db, report: SmsStatusReport): Promise<StatusReportOutcome> {
  const status = smsDeliveryStatusOf(report.status);
  if (!status) return "untracked_status";
  const message = await db.notificationMessage.findFirst({
    where: { channel: "sms", providerMessageId: report.providerMessageId },
    select: { shop: true, id: true },
  });
  if (!message) return "unknown_message";
  const final = FINAL_SMS_STATUSES.has(status) && status !== "delivered";
  const { count } = await db.notificationMessage.updateMany({
    where: {
      shop: message.shop,
      id: message.id,
      OR: [{ deliveryStatus: null }, { deliveryStatus: { in: statusesOvertakenBy(status) } }],
    },
    data: {
      deliveryStatus: status,
      deliveryStatusAt: report.at,
      ...(final ? { reason: `carrier: ${status}${report.errorCode ? ` (error ${report.errorCode})` : ""}` } : {}),
    },
  });
  return count === 1 ? "applied" : "not_newer";
}
