import { isSafeNumber, parse } from "lossless-json";

/** A JSON value as Shopify sends it, with unsafe integers kept as digit strings. */
export type ShopifyJson = null | boolean | number | string | ShopifyJson[] | { [key: string]: ShopifyJson };

/**
 * Parses a raw Shopify body without losing digits: Shopify's numeric ids exceed 2^53, so any number a JS
 * double cannot hold exactly is returned as its digit string. Throws SyntaxError on malformed JSON.
 */
export function parseShopifyJson(raw: string): ShopifyJson {
  return parse(raw, undefined, (digits) => (isSafeNumber(digits) ? Number(digits) : digits)) as ShopifyJson;
}
