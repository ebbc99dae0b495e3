import { type PostPurchaseChangeInput } from "./changeset-schema";
import { type ChosenOffer } from "./select";

/**
 * The changeset changes that add a chosen offer to the initial purchase. A percentage the engine did not
 * cap goes to Shopify as a percentage; any capped or fixed discount goes as the exact amount the engine
 * computed, so what Shopify charges matches the price the shopper was shown.
 */
export function changesForOffer(chosen: ChosenOffer): PostPurchaseChangeInput[] {
  const discount = explicitDiscount(chosen);
  const changes: PostPurchaseChangeInput[] = [
    {
      type: "add_variant",
      variantId: chosen.product.variantId,
      quantity: chosen.product.quantity,
      ...(discount ? { discount } : {}),
    },
  ];
  const shippingFee = chosen.offer.shippingFee;
  if (shippingFee !== undefined && chosen.discount.kind !== "free_shipping") {
    changes.push({ type: "add_shipping_line", price: shippingFee, title: "Shipping" });
  }
  return changes;
}

function explicitDiscount(chosen: ChosenOffer) {
  const title = chosen.arm?.copy?.discountTitle ?? chosen.offer.copy?.discountTitle;
  const capped = chosen.reasons.some((r) => r.code === "discount_capped_at_price" || r.code === "discount_capped_at_merchant_max");
  if (chosen.discount.kind === "percentage" && !capped) {
    const percent = chosen.discount.percent;
    return { value: percent, valueType: "percentage" as const, title: title ?? `${percent}% off` };
  }
  const amount = chosen.discountAmount;
  if (Number(amount.amount) === 0) return undefined;
  return { value: amount.amount, valueType: "fixed_amount" as const, title: title ?? `${amount.amount} ${amount.currencyCode} off` };
}
