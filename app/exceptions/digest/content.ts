import { FONT_STACKS } from "~/notifications/email/template";
import escapeHtml from "escape-html";
import { EXCEPTION_KIND_LABELS } from "../labels";
import { EXCEPTION_KINDS, type ExceptionKind } from "../kinds";

/** Rows listed in the digest; the counts cover every new flag. */
export const DIGEST_TOP_ROWS = 10;

export interface DigestRow {
  kind: ExceptionKind;
  orderName: string;
  trackingNumber: string | null;
  since: Date;
}

export interface DigestFacts {
  shopName: string;
  /** The shop-local date the digest is for. */
  period: string;
  counts: Partial<Record<ExceptionKind, number>>;
  total: number;
  /** The newest flags, at most DIGEST_TOP_ROWS. */
  rows: readonly DigestRow[];
  /** The exceptions page in the Shopify admin. */
  adminUrl: string;
}

/** The digest's subject line. */
export function digestSubject(facts: DigestFacts): string {
  return `${facts.shopName}: ${facts.total} new delivery exception${facts.total === 1 ? "" : "s"} (${facts.period})`;
}

function countLines(facts: DigestFacts): string[] {
  return EXCEPTION_KINDS.filter((kind) => facts.counts[kind]).map((kind) => `${EXCEPTION_KIND_LABELS[kind]}: ${facts.counts[kind]}`);
}

function rowLine(row: DigestRow): string {
  return `${EXCEPTION_KIND_LABELS[row.kind]} · ${row.orderName}${row.trackingNumber ? ` · ${row.trackingNumber}` : ""} · since ${row.since.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The plain-text part. */
export function digestText(facts: DigestFacts): string {
  const more = facts.total - facts.rows.length;
  return [
    `New delivery exceptions since the last digest: ${facts.total}`,
    "",
    ...countLines(facts),
    "",
    ...facts.rows.map(rowLine),
    ...(more > 0 ? [`… and ${more} more`] : []),
    "",
    `See them all: ${facts.adminUrl}`,
  ].join("\n");
}

/** The digest as MJML; every value is HTML-escaped here. */
export function digestMjml(facts: DigestFacts): string {
  const e = escapeHtml;
  const more = facts.total - facts.rows.length;
  const counts = countLines(facts).map((line) => `<mj-text padding-top="2px" padding-bottom="2px">${e(line)}</mj-text>`).join("\n        ");
  const rows = facts.rows.map((row) => `<mj-text padding-top="2px" padding-bottom="2px" font-size="13px">${e(rowLine(row))}</mj-text>`).join("\n        ");
  return `<mjml lang="en">
  <mj-head>
    <mj-title>${e(digestSubject(facts))}</mj-title>
    <mj-attributes>
      <mj-all font-family="${FONT_STACKS.system}" />
      <mj-text color="#202223" font-size="15px" line-height="22px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f4">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="20px" font-weight="bold">${e(facts.shopName)}</mj-text>
        <mj-text font-size="18px" font-weight="bold">New delivery exceptions since the last digest: ${facts.total}</mj-text>
        ${counts}
        <mj-divider border-color="#e1e3e5" border-width="1px" />
        ${rows}
        ${more > 0 ? `<mj-text font-size="13px" color="#6d7175">… and ${more} more</mj-text>` : ""}
        <mj-button href="${e(facts.adminUrl)}" background-color="#008060" color="#ffffff" align="left">See them all</mj-button>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}
