/** @jsxImportSource preact */
import { useState } from "preact/hooks";
import type { DiscountCodeView, OfferBlockApi, OfferView as Offer, SurfaceOfferResponse } from "./contract";

type Text = Pick<OfferBlockApi, "translate" | "formatMoney" | "formatDate">;

/** The chosen offer and/or the shopper's next-order code; nothing when the app has neither. */
export function OfferView({ view, text, onProductClick, onCodeCopy }: { view: SurfaceOfferResponse; text: Text; onProductClick: () => void; onCodeCopy: () => void }) {
  if (!view.offer && !view.discountCode) return null;
  return (
    <s-stack gap="base">
      {view.offer && <OfferCard offer={view.offer} text={text} onProductClick={onProductClick} />}
      {view.discountCode && <DiscountCodeCard code={view.discountCode} text={text} onCopy={onCodeCopy} />}
    </s-stack>
  );
}

function OfferCard({ offer, text, onProductClick }: { offer: Offer; text: Text; onProductClick: () => void }) {
  const { product } = offer;
  // Decimal text compared as numbers only to decide whether to strike a price through, never for money maths.
  const discounted = Number(offer.discountedPrice.amount) < Number(offer.originalPrice.amount);
  return (
    <s-section heading={offer.title}>
      <s-stack gap="base">
        {offer.body && <s-paragraph>{offer.body}</s-paragraph>}
        <s-stack direction="inline" gap="base" alignItems="center">
          {product.imageUrl && <s-product-thumbnail src={product.imageUrl} alt={product.title} />}
          <s-stack gap="small-300">
            <s-text type="strong">{offer.quantity > 1 ? text.translate("quantityTitle", { quantity: offer.quantity, title: product.title }) : product.title}</s-text>
            {product.variantTitle && <s-text color="subdued">{product.variantTitle}</s-text>}
            <s-stack direction="inline" gap="small-200" alignItems="center">
              {discounted && <s-text type="redundant">{text.formatMoney(offer.originalPrice)}</s-text>}
              <s-text type="strong">{text.formatMoney(offer.discountedPrice)}</s-text>
              {offer.discountLabel && <s-badge tone="auto">{offer.discountLabel}</s-badge>}
            </s-stack>
          </s-stack>
        </s-stack>
        {product.url && (
          <s-link href={product.url} target="_blank" onClick={onProductClick}>
            {text.translate("addToNextOrder")}
          </s-link>
        )}
      </s-stack>
    </s-section>
  );
}

function DiscountCodeCard({ code, text, onCopy }: { code: DiscountCodeView; text: Text; onCopy: () => void }) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const clipboardId = `aftercare-code-${code.code}`;
  return (
    <s-section heading={code.title}>
      <s-stack gap="small">
        <s-paragraph>{code.label}</s-paragraph>
        <s-stack direction="inline" gap="small" alignItems="center">
          <s-text type="strong">{code.code}</s-text>
          <s-clipboard-item id={clipboardId} text={code.code} onCopy={() => {
              setCopy("copied");
              onCopy();
            }} onCopyError={() => setCopy("failed")} />
          <s-button variant="secondary" commandFor={clipboardId} command="--copy">
            {text.translate(copy === "copied" ? "copied" : "copy")}
          </s-button>
        </s-stack>
        {copy === "failed" && <s-text tone="critical">{text.translate("copyFailed")}</s-text>}
        <s-text color="subdued">{text.translate("codeEnds", { date: text.formatDate(new Date(code.endsAt), { dateStyle: "medium" }) })}</s-text>
      </s-stack>
    </s-section>
  );
}
