import type { ReturnStatus } from "./case-status";
import type { Outcome } from "./policy-schema";

/** One row of the merchant's returns queue. */
export interface ReturnQueueRow {
  id: string;
  name: string | null;
  orderName: string | null;
  status: ReturnStatus;
  outcome: Outcome;
  reasons: string[];
  items: number;
  itemsValue: string;
  currency: string;
  requestedAt: string;
}

/** One page of the queue and the cursors of the pages either side (opaque URL values). */
export interface ReturnQueuePage {
  rows: ReturnQueueRow[];
  pageInfo: { hasPreviousPage: boolean; hasNextPage: boolean; startCursor: string | null; endCursor: string | null };
}
