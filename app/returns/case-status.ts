/**
 * The life of a return case. Shopify knows five statuses (REQUESTED, OPEN, DECLINED, CLOSED, CANCELED); ours
 * splits OPEN into the steps the shopper waits on (label sent, parcel in transit, received, refunded), so a
 * Shopify webhook saying "open" must never pull a case that is already further along back to "open".
 */

/** What the shopper and merchant see. */
export const RETURN_STATUSES = ["requested", "open", "declined", "in_transit", "received", "processed", "closed", "cancelled"] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** `submitting`: the key is claimed and Shopify is being asked; never shown, replaced or deleted within the request. */
export type CaseStatus = ReturnStatus | "submitting";

const NEXT: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  submitting: ["requested", "open"],
  requested: ["open", "declined", "cancelled", "closed"],
  open: ["in_transit", "received", "processed", "closed", "cancelled"],
  in_transit: ["received", "processed", "closed", "cancelled"],
  received: ["processed", "closed"],
  processed: ["closed"],
  closed: [],
  declined: [],
  cancelled: [],
};

/** Whether a case may move from `from` to `to`; staying put is not a move. */
export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}

/** Shopify's ReturnStatus (GraphQL enum or webhook lower case) as ours. */
export function statusFromShopify(status: string): ReturnStatus | null {
  switch (status.toUpperCase()) {
    case "REQUESTED":
      return "requested";
    case "OPEN":
      return "open";
    case "DECLINED":
      return "declined";
    case "CLOSED":
      return "closed";
    case "CANCELED":
    case "CANCELLED":
      return "cancelled";
    default:
      return null;
  }
}

/** Where a reopened (closed → open in Shopify) case resumes: the furthest step it had reached. */
export function reopenedStatus(reached: { processedAt: Date | null; receivedAt: Date | null }): ReturnStatus {
  if (reached.processedAt) return "processed";
  if (reached.receivedAt) return "received";
  return "open";
}

/** Case statuses a merchant action needs (approve only a request, process only an approved return, …). */
export const ACTION_FROM: Readonly<Record<string, readonly CaseStatus[]>> = {
  approve: ["requested"],
  decline: ["requested"],
  label: ["open", "in_transit"],
  receive: ["open", "in_transit"],
  process: ["open", "in_transit", "received"],
  close: ["open", "in_transit", "received", "processed"],
};
