import { type VariantDisplay } from "./catalog.server";
import { type ChosenOffer } from "./select";
import { type OfferView } from "./surface-contract";

/** "15% off", "5.00 USD off", "Free shipping", or null when the offer has no discount. */
export function discountLabelOf(chosen: ChosenOffer): string | null {
  const capped = chosen.reasons.some((r) => r.code === "discount_capped_at_price" || r.code === "discount_capped_at_merchant_max");
  switch (chosen.discount.kind) {
    case "percentage":
      return capped ? `${chosen.discountAmount.amount} ${chosen.discountAmount.currencyCode} off` : `${chosen.discount.percent}% off`;
    case "fixed_amount":
      return `${chosen.discountAmount.amount} ${chosen.discountAmount.currencyCode} off`;
    case "free_shipping":
      return "Free shipping";
    case "none":
      return null;
  }
}

/**
 * What a shopper sees of a chosen offer. `undiscounted` shows it at full price: a link surface can only give
 * the discount through a code, and without one (a guest, or a discount no code can carry) the honest price
 * is the full one.
 */
export function offerViewOf(chosen: ChosenOffer, display: VariantDisplay | undefined, options: { url?: string | null; undiscounted?: boolean } = {}): OfferView {
  const copy = chosen.arm?.copy ?? chosen.offer.copy;
  const undiscounted = options.undiscounted === true;
  return {
    offerId: chosen.offer.id,
    armId: chosen.arm?.id ?? "",
    title: copy?.title ?? display?.productTitle ?? chosen.offer.name,
    body: copy?.body ?? null,
    product: {
      productId: chosen.product.productId,
      variantId: chosen.product.variantId,
      title: display?.productTitle ?? chosen.offer.name,
      variantTitle: display?.variantTitle ?? null,
      imageUrl: display?.imageUrl ?? null,
      url: options.url === undefined ? (display?.url ?? null) : options.url,
    },
    quantity: chosen.product.quantity,
    originalPrice: chosen.price,
    discountedPrice: undiscounted ? chosen.price : chosen.discountedPrice,
    discountLabel: undiscounted ? null : discountLabelOf(chosen),
  };
}

/** A storefront cart permalink that adds the variant (and applies `code`): the thank-you page's one-click add. */
export function cartPermalink(shop: string, variantId: string, quantity: number, code: string | null): string {
  const digits = variantId.slice(variantId.lastIndexOf("/") + 1);
  const url = new URL(`https://${shop}/cart/${digits}:${quantity}`);
  if (code) url.searchParams.set("discount", code);
  return url.toString();
}
