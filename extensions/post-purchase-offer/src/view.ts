import { formatMoney } from "./money";
import type { Translate } from "./messages";
import { h, type UiNode } from "./tree";
import type { PageState } from "./upsell-page";

export interface PageActions {
  accept(): void;
  decline(): void;
}

// Image beside the details on wide screens, above them on phones (Shopify's post-purchase layout pattern).
const LAYOUT_MEDIA = [
  { viewportSize: "small", sizes: [1, 0, 1], maxInlineSize: 0.9 },
  { viewportSize: "medium", sizes: [532, 0, 1], maxInlineSize: 420 },
  { viewportSize: "large", sizes: [560, 38, 340] },
];

/** The upsell page for a state: what the shopper sees and the two ways out. */
export function pageView(state: PageState, t: Translate, locale: string, actions: PageActions): UiNode {
  const { offer, totals } = state;
  const money = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, locale);
  // Decimal text compared as numbers only to decide whether to strike a price through.
  const discounted = Number(offer.discountedPrice.amount) < Number(offer.originalPrice.amount);
  const busy = state.phase !== "ready";
  const productLine = offer.quantity > 1 ? t("quantityTitle", { quantity: offer.quantity, title: offer.product.title }) : offer.product.title;
  const row = (label: string, value: string, emphasized = false) =>
    h("InlineStack", { spacing: "tight" }, h("Text", { emphasized }, label), h("Text", { emphasized }, value));

  return h(
    "BlockStack",
    { spacing: "loose" },
    h("CalloutBanner", { title: t("bannerTitle") }, offer.discountLabel ? t("bannerDiscount", { label: offer.discountLabel }) : t("bannerPlain")),
    h(
      "Layout",
      { media: LAYOUT_MEDIA },
      offer.product.imageUrl ? h("Image", { source: offer.product.imageUrl, description: offer.product.title }) : h("BlockStack", null),
      h("BlockStack", null),
      h(
        "BlockStack",
        { spacing: "loose" },
        h(
          "BlockStack",
          { spacing: "tight" },
          h("Heading", { level: 1 }, offer.title),
          offer.body && h("TextBlock", null, offer.body),
          h("TextBlock", { emphasized: true }, productLine),
          offer.product.variantTitle && h("TextBlock", { subdued: true }, offer.product.variantTitle),
          h(
            "InlineStack",
            { spacing: "tight", alignment: "baseline" },
            discounted && h("Text", { role: "deletion", subdued: true }, money(offer.originalPrice)),
            h("Text", { emphasized: true, size: "large" }, money(offer.discountedPrice)),
            offer.discountLabel && h("Text", { appearance: "success" }, offer.discountLabel),
          ),
        ),
        totals &&
          h(
            "BlockStack",
            { spacing: "xtight" },
            h("Separator", null),
            row(t("subtotal"), money(totals.subtotal)),
            row(t("shipping"), totals.shipping && Number(totals.shipping.amount) > 0 ? money(totals.shipping) : t("free")),
            row(t("taxes"), money(totals.taxes)),
            row(t("total"), money(totals.total), true),
          ),
        state.error && h("Banner", { status: "critical" }, t(state.error)),
        h(
          "BlockStack",
          { spacing: "tight" },
          h(
            "Button",
            { onPress: actions.accept, loading: state.phase === "accepting", disabled: busy || state.unavailable },
            t("payNow", { price: money(totals?.total ?? offer.discountedPrice) }),
          ),
          h("Button", { onPress: actions.decline, subdued: true, loading: state.phase === "declining", disabled: busy }, t("decline")),
        ),
      ),
    ),
  );
}
