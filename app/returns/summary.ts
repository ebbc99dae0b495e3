import type { CaseStatus, ReturnStatus } from "./case-status";
import type { Outcome } from "./policy-schema";

/** A return as the shopper's status page and the merchant's return page show it (the contract with R2). */
export interface ReturnSummary {
  returnId: string;
  name: string | null;
  status: ReturnStatus;
  createdAt: string;
  outcome: Outcome;
  items: { lineItemId: string; title: string; quantity: number }[];
  label: { url: string | null; trackingNumber: string | null; carrier: string | null } | null;
  refund: { amount: string; currency: string } | null;
  storeCredit: { amount: string; currency: string } | null;
  timeline: { at: string; kind: string; text: string }[];
  /** Photo keys per line (app/returns/photo-store.server.ts). */
  photos: { lineItemId: string; key: string }[];
}

interface CaseFacts {
  id: string;
  name: string | null;
  status: string;
  outcome: Outcome;
  currency: string;
  refundAmount: string;
  storeCreditAmount: string;
  requestedAt: Date;
}

const isZero = (amount: string) => /^0+(\.0+)?$/.test(amount);

/** Shapes stored rows as a summary; lines of one order line shipped in several parcels become one item. */
export function summaryOf(
  row: CaseFacts,
  lines: readonly { lineItemId: string; title: string; quantity: number }[],
  label: { labelUrl: string; trackingNumber: string | null; carrier: string | null } | null,
  events: readonly { at: Date; kind: string; text: string }[],
  photos: readonly { lineItemId: string; key: string }[],
): ReturnSummary {
  const items = new Map<string, { lineItemId: string; title: string; quantity: number }>();
  for (const line of lines) {
    const item = items.get(line.lineItemId);
    if (item) item.quantity += line.quantity;
    else items.set(line.lineItemId, { lineItemId: line.lineItemId, title: line.title, quantity: line.quantity });
  }
  return {
    returnId: row.id,
    name: row.name,
    status: publicStatus(row.status as CaseStatus),
    createdAt: row.requestedAt.toISOString(),
    outcome: row.outcome,
    items: [...items.values()],
    label: label ? { url: label.labelUrl, trackingNumber: label.trackingNumber, carrier: label.carrier } : null,
    refund: isZero(row.refundAmount) ? null : { amount: row.refundAmount, currency: row.currency },
    storeCredit: isZero(row.storeCreditAmount) ? null : { amount: row.storeCreditAmount, currency: row.currency },
    timeline: events.map((event) => ({ at: event.at.toISOString(), kind: event.kind, text: event.text })),
    photos: photos.map((photo) => ({ lineItemId: photo.lineItemId, key: photo.key })),
  };
}

function publicStatus(status: CaseStatus): ReturnStatus {
  return status === "submitting" ? "requested" : status;
}
