/** One row of the merchant's message log. */
export interface MessageLogRow {
  id: string;
  orderId: string;
  orderName: string | null;
  trigger: string;
  channel: string;
  status: string;
  reason: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** How many messages the log shows at most. */
export const MESSAGE_LOG_LIMIT = 100;
