import escapeHtml from "escape-html";
import type { MessageFacts } from "../message-facts";
import { translator } from "../messages";

const FONT_STACKS = {
  system: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  serif: "Georgia, 'Times New Roman', serif",
  "sans-serif": "Helvetica, Arial, sans-serif",
  monospace: "Menlo, Consolas, monospace",
} as const;

/** The subject line of a message. */
export function emailSubject(facts: MessageFacts): string {
  return translator(facts.locale)(`${facts.trigger}_subject`, { orderName: facts.order.name });
}

/** The greeting, intro and per-parcel lines shared by the HTML and plain-text parts. */
export function emailCopy(facts: MessageFacts) {
  const t = translator(facts.locale);
  const values = { orderName: facts.order.name, parcels: facts.parcels.length || 1, shopName: facts.shopName, kind: facts.exceptionKind ?? "other" };
  return {
    greeting: t("greeting", { hasName: facts.order.firstName ? "yes" : "no", firstName: facts.order.firstName ?? "" }),
    heading: t(`${facts.trigger}_heading`, values),
    intro: t(`${facts.trigger}_intro`, values),
    parcels: facts.parcels.map((parcel) => ({
      line: t("parcelLine", { carrier: parcel.carrier ?? "—", trackingNumber: parcel.trackingNumber }),
      eta: parcel.estimatedDeliveryAt ? t("etaLine", { eta: formatDate(parcel.estimatedDeliveryAt, facts) }) : null,
    })),
    itemsHeading: t("itemsHeading"),
    items: facts.items.map((item) => ({ ...item, quantityLabel: t("quantity", { quantity: item.quantity }) })),
    trackButton: t("trackButton"),
    unsubscribe: t("unsubscribe"),
    footer: t("footer", { shopName: facts.shopName }),
  };
}

function formatDate(date: Date, facts: MessageFacts): string {
  return new Intl.DateTimeFormat(facts.locale, { weekday: "long", day: "numeric", month: "long", timeZone: facts.timeZone }).format(date);
}

/**
 * The message as MJML. Every value from the order, the shop or the carrier is HTML-escaped here, the one place
 * text meets markup.
 */
export function emailMjml(facts: MessageFacts): string {
  const copy = emailCopy(facts);
  const e = escapeHtml;
  const { branding } = facts;
  const font = FONT_STACKS[branding.fontFamily];
  const logo = branding.logoUrl
    ? `<mj-image src="${e(branding.logoUrl)}" alt="${e(facts.shopName)}" width="160px" align="left" />`
    : `<mj-text font-size="20px" font-weight="bold">${e(facts.shopName)}</mj-text>`;
  const parcels = copy.parcels
    .map((parcel) => `<mj-text padding-top="4px" padding-bottom="4px">${e(parcel.line)}${parcel.eta ? `<br /><strong>${e(parcel.eta)}</strong>` : ""}</mj-text>`)
    .join("\n");
  const items = copy.items.map((item) => itemRow(item, e)).join("\n");
  return `<mjml lang="${e(facts.locale)}">
  <mj-head>
    <mj-title>${e(emailSubject(facts))}</mj-title>
    <mj-preview>${e(copy.intro)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${e(font)}" />
      <mj-text color="${e(branding.accentColor)}" font-size="15px" line-height="22px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f4">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        ${logo}
        <mj-text font-size="24px" font-weight="bold" padding-top="16px">${e(copy.heading)}</mj-text>
        <mj-text>${e(copy.greeting)}</mj-text>
        <mj-text>${e(copy.intro)}</mj-text>
        ${parcels}
        <mj-button href="${e(facts.links.tracking)}" background-color="${e(branding.primaryColor)}" color="#ffffff" font-size="16px" align="left">${e(copy.trackButton)}</mj-button>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 24px 24px">
      <mj-column>
        <mj-text font-weight="bold">${e(copy.itemsHeading)}</mj-text>
      </mj-column>
    </mj-section>
    ${items}
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="12px" color="#6d7175">${e(copy.footer)}<br /><a href="${e(facts.links.unsubscribe)}" style="color:#6d7175">${e(copy.unsubscribe)}</a></mj-text>
        <mj-image src="${e(facts.links.openPixel)}" width="1px" height="1px" alt="" padding="0" />
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

type ItemCopy = ReturnType<typeof emailCopy>["items"][number];

function itemRow(item: ItemCopy, e: (text: string) => string): string {
  const title = item.variantTitle ? `${e(item.title)} <span style="color:#6d7175">(${e(item.variantTitle)})</span>` : e(item.title);
  const image = item.imageUrl
    ? `<mj-column width="20%"><mj-image src="${e(item.imageUrl)}" alt="${e(item.title)}" width="64px" padding="4px" /></mj-column>`
    : "";
  return `<mj-section background-color="#ffffff" padding="0 24px">
      ${image}
      <mj-column width="${item.imageUrl ? "80%" : "100%"}"><mj-text padding="4px">${title} ${e(item.quantityLabel)}</mj-text></mj-column>
    </mj-section>`;
}

