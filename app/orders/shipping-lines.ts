import { z } from "zod";
import { decimalText, gid, numericIdAsGid, optionalDecimal, optionalText } from "./payload-fields";

/**
 * An order's shipping lines (the methods chosen at checkout, with their charge), read from the REST order webhook
 * (`shipping_lines`) or the Admin API (`shippingLines`) and mapped onto the same fields, value for value.
 */
export interface ShippingLineFields {
  id: string;
  title: string;
  code: string | null;
  source: string | null;
  carrierIdentifier: string | null;
  /** Decimal text in the shop's currency, before discounts. */
  price: string;
  discountedPrice: string | null;
  currencyCode: string | null;
  isRemoved: boolean;
}

const shopMoney = z.object({ amount: decimalText, currency_code: optionalText }).nullish();

/** One element of a REST order payload's `shipping_lines`. */
export const restShippingLineSchema = z.object({
  // A line without an id (never seen from a checkout) cannot be kept apart from its siblings: it is skipped.
  id: numericIdAsGid("ShippingLine").nullish(),
  title: z.string().nullish(),
  code: optionalText,
  source: optionalText,
  carrier_identifier: optionalText,
  price: decimalText,
  discounted_price: optionalDecimal,
  price_set: z.object({ shop_money: shopMoney }).nullish(),
  discounted_price_set: z.object({ shop_money: shopMoney }).nullish(),
  is_removed: z.boolean().nullish(),
});

/** Maps REST shipping lines; `price` is in the shop's currency, and price_set names it (else the order's). */
export function shippingLinesFromRest(lines: readonly z.output<typeof restShippingLineSchema>[], orderCurrency: string | null): ShippingLineFields[] {
  return lines.flatMap((line) => {
    if (!line.id) return [];
    const shop = line.price_set?.shop_money;
    return [
      {
        id: line.id,
        title: line.title?.trim() || line.code || "Shipping",
        code: line.code,
        source: line.source,
        carrierIdentifier: line.carrier_identifier,
        price: shop?.amount ?? line.price,
        discountedPrice: line.discounted_price_set?.shop_money?.amount ?? line.discounted_price,
        currencyCode: shop?.currency_code ?? orderCurrency,
        isRemoved: line.is_removed ?? false,
      },
    ];
  });
}

const moneyBag = z.object({ shopMoney: z.object({ amount: decimalText, currencyCode: optionalText }) });

/** One node of the Admin API's `Order.shippingLines` (as ORDER_DETAILS_QUERY in app/reconciliation asks for it). */
export const shippingLineNodeSchema = z.object({
  id: gid("ShippingLine").nullish(),
  title: z.string(),
  code: optionalText,
  source: optionalText,
  carrierIdentifier: optionalText,
  originalPriceSet: moneyBag,
  discountedPriceSet: moneyBag.nullish(),
  isRemoved: z.boolean().nullish(),
});

/** Maps Admin API shipping lines onto the fields webhooks produce. */
export function shippingLinesFromNodes(nodes: readonly z.output<typeof shippingLineNodeSchema>[]): ShippingLineFields[] {
  return nodes.flatMap((line) => {
    if (!line.id) return [];
    return [
      {
        id: line.id,
        title: line.title.trim() || line.code || "Shipping",
        code: line.code,
        source: line.source,
        carrierIdentifier: line.carrierIdentifier,
        price: line.originalPriceSet.shopMoney.amount,
        discountedPrice: line.discountedPriceSet?.shopMoney.amount ?? null,
        currencyCode: line.originalPriceSet.shopMoney.currencyCode,
        isRemoved: line.isRemoved ?? false,
      },
    ];
  });
}
