import escapeHtml from "escape-html";
import { EXCEPTION_KIND_LABELS, evidenceLines } from "../labels";
import type { ExceptionKind } from "../kinds";

export interface SupportAlertFacts {
  shopName: string;
  kind: ExceptionKind;
  orderName: string;
  trackingNumber: string | null;
  carrier: string | null;
  since: Date;
  evidence: Record<string, string | number | null>;
  /** The exceptions page in the Shopify admin. */
  adminUrl: string;
}

/** The support team's alert about one flag: what, which order and parcel, why, and where to act. */
export function supportAlertEmail(facts: SupportAlertFacts): { subject: string; text: string; html: string } {
  const label = EXCEPTION_KIND_LABELS[facts.kind];
  const parcel = facts.trackingNumber ? `${facts.trackingNumber}${facts.carrier ? ` (${facts.carrier})` : ""}` : "not shipped yet";
  const lines = [
    `${label}: order ${facts.orderName}`,
    "",
    `Parcel: ${parcel}`,
    `Since: ${facts.since.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    ...evidenceLines(facts.evidence),
    "",
    `Open the exceptions page: ${facts.adminUrl}`,
  ];
  const html = [
    `<p><strong>${escapeHtml(label)}</strong>: order ${escapeHtml(facts.orderName)}</p>`,
    `<ul>${lines.slice(2, -2).map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`,
    `<p><a href="${escapeHtml(facts.adminUrl)}">Open the exceptions page</a></p>`,
  ].join("\n");
  return { subject: `[${facts.shopName}] ${label}: order ${facts.orderName}`, text: lines.join("\n"), html };
}
