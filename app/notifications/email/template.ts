import escapeHtml from "escape-html";
import type { PromiseRange } from "~/delivery-estimates/live/order-promises";
import type { MessageFacts } from "../message-facts";
import { translator } from "../messages";
import { formatTemplate } from "../templates/format";

/** The font stacks a merchant can pick for emails (the digest to the merchant uses the system one). */
export const FONT_STACKS = {
  system: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  serif: "Georgia, 'Times New Roman', serif",
  "sans-serif": "Helvetica, Arial, sans-serif",
  monospace: "Menlo, Consolas, monospace",
} as const;

/** What the placeholders of any copy (email subject, heading, intro; SMS text) are filled from. */
export type PlaceholderFacts = Pick<MessageFacts, "exceptionKind" | "returnMilestone" | "shopName" | "locale" | "timeZone"> & {
  order: Pick<MessageFacts["order"], "name" | "firstName">;
  parcels: ReadonlyArray<{ estimatedDeliveryAt: Date | null }>;
  trackingUrl: string;
};

/**
 * The values every copy may use, the catalogue's and the merchant-template placeholders alike: one source for
 * email and SMS, so a merchant's {kind, select, …} or {estimatedDelivery} reads the same on both.
 */
export function placeholderValues(facts: PlaceholderFacts): Record<string, string | number> {
  const etas = facts.parcels.flatMap((parcel) => (parcel.estimatedDeliveryAt ? [parcel.estimatedDeliveryAt.getTime()] : []));
  return {
    orderName: facts.order.name,
    parcels: facts.parcels.length || 1,
    shopName: facts.shopName,
    kind: facts.exceptionKind ?? "other",
    milestone: facts.returnMilestone ?? "other",
    customerName: facts.order.firstName ?? "",
    trackingUrl: facts.trackingUrl,
    link: facts.trackingUrl,
    estimatedDelivery: etas.length ? dayFormat(facts.locale, facts.timeZone).format(new Date(Math.min(...etas))) : "",
  };
}

function copyValues(facts: MessageFacts): Record<string, string | number> {
  return placeholderValues({ ...facts, trackingUrl: facts.links.tracking });
}

/** A piece of copy: the merchant's template for it when there is one, else the catalogue's. */
function copyOf(facts: MessageFacts, field: "subject" | "heading" | "intro", values: Record<string, string | number>): string {
  const own = facts.overrides?.[field];
  return own ? formatTemplate(own, facts.locale, values) : translator(facts.locale)(`${facts.trigger}_${field}`, values);
}

export type EmailCopy = ReturnType<typeof emailCopy>;

/** The subject, greeting, intro and per-parcel lines shared by the HTML and plain-text parts. */
export function emailCopy(facts: MessageFacts) {
  const t = translator(facts.locale);
  const values = copyValues(facts);
  return {
    subject: copyOf(facts, "subject", values),
    greeting: t("greeting", { hasName: facts.order.firstName ? "yes" : "no", firstName: facts.order.firstName ?? "" }),
    heading: copyOf(facts, "heading", values),
    intro: copyOf(facts, "intro", values),
    parcels: facts.parcels.map((parcel) => ({
      line: t("parcelLine", { carrier: parcel.carrier ?? "—", trackingNumber: parcel.trackingNumber }),
      eta: parcel.promise
        ? t("etaLine", { eta: formatRange(parcel.promise, facts) })
        : parcel.estimatedDeliveryAt
          ? t("etaLine", { eta: formatDate(parcel.estimatedDeliveryAt, facts) })
          : null,
    })),
    orderEta: !facts.parcels.length && facts.orderPromise ? t("etaLine", { eta: formatRange(facts.orderPromise, facts) }) : null,
    itemsHeading: t("itemsHeading"),
    items: facts.items.map((item) => ({ ...item, quantityLabel: t("quantity", { quantity: item.quantity }) })),
    trackButton: t("trackButton"),
    unsubscribe: t("unsubscribe"),
    footer: t("footer", { shopName: facts.shopName }),
  };
}

/** Our promised range in the message's language: calendar dates, so no time-zone conversion. */
function formatRange(promise: PromiseRange, facts: MessageFacts): string {
  const format = dayFormat(facts.locale, "UTC");
  const day = (iso: string) => format.format(new Date(`${iso}T12:00:00Z`));
  return promise.earliestDate < promise.promisedDate ? `${day(promise.earliestDate)} – ${day(promise.promisedDate)}` : day(promise.promisedDate);
}

function formatDate(date: Date, facts: MessageFacts): string {
  return dayFormat(facts.locale, facts.timeZone).format(date);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one; there are few locale × zone pairs.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone });
    dayFormats.set(key, format);
  }
  return format;
}

/** Puts a piece of text into markup: HTML-escaped in place, or (email/render.ts) a slot filled in after compiling. */
export type TextSlot = (text: string) => string;

/**
 * The message as MJML. Every value from the order, the shop or the carrier goes through `v` (escaped here, the one
 * place text meets markup, unless a caller collects the values as slots); the shop's branding shapes the layout and
 * is escaped in place.
 */
export function emailMjml(facts: MessageFacts, copy: EmailCopy = emailCopy(facts), v: TextSlot = escapeHtml): string {
  const e = escapeHtml;
  const { branding } = facts;
  const font = FONT_STACKS[branding.fontFamily];
  const logo = branding.logoUrl
    ? `<mj-image src="${e(branding.logoUrl)}" alt="${v(facts.shopName)}" width="160px" align="left" />`
    : `<mj-text font-size="20px" font-weight="bold">${v(facts.shopName)}</mj-text>`;
  const parcels = copy.parcels
    .map((parcel) => `<mj-text padding-top="4px" padding-bottom="4px">${v(parcel.line)}${parcel.eta ? `<br /><strong>${v(parcel.eta)}</strong>` : ""}</mj-text>`)
    .join("\n");
  const items = copy.items.map((item) => itemRow(item, v)).join("\n");
  return `<mjml lang="${e(facts.locale)}">
  <mj-head>
    <mj-title>${v(copy.subject)}</mj-title>
    <mj-preview>${v(copy.intro)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${e(font)}" />
      <mj-text color="${e(branding.accentColor)}" font-size="15px" line-height="22px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f4">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        ${logo}
        <mj-text font-size="24px" font-weight="bold" padding-top="16px">${v(copy.heading)}</mj-text>
        <mj-text>${v(copy.greeting)}</mj-text>
        <mj-text>${v(copy.intro)}</mj-text>
        ${copy.orderEta ? `<mj-text><strong>${v(copy.orderEta)}</strong></mj-text>` : ""}
        ${parcels}
        <mj-button href="${v(facts.links.tracking)}" background-color="${e(branding.primaryColor)}" color="#ffffff" font-size="16px" align="left">${v(copy.trackButton)}</mj-button>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 24px 24px">
      <mj-column>
        <mj-text font-weight="bold">${v(copy.itemsHeading)}</mj-text>
      </mj-column>
    </mj-section>
    ${items}
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="12px" color="#6d7175">${v(copy.footer)}<br /><a href="${v(facts.links.unsubscribe)}" style="color:#6d7175">${v(copy.unsubscribe)}</a></mj-text>
        <mj-image src="${v(facts.links.openPixel)}" width="1px" height="1px" alt="" padding="0" />
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

type ItemCopy = EmailCopy["items"][number];

function itemRow(item: ItemCopy, v: TextSlot): string {
  const title = item.variantTitle ? `${v(item.title)} <span style="color:#6d7175">(${v(item.variantTitle)})</span>` : v(item.title);
  const image = item.imageUrl
    ? `<mj-column width="20%"><mj-image src="${v(item.imageUrl)}" alt="${v(item.title)}" width="64px" padding="4px" /></mj-column>`
    : "";
  return `<mj-section background-color="#ffffff" padding="0 24px">
      ${image}
      <mj-column width="${item.imageUrl ? "80%" : "100%"}"><mj-text padding="4px">${title} ${v(item.quantityLabel)}</mj-text></mj-column>
    </mj-section>`;
}

