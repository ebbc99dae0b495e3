import { stringify } from "lossless-json";

/**
 * Serialises a payload the way Shopify does: ids are bare JSON integers, even above 2^53, so a
 * consumer using plain JSON.parse sees the same precision loss it would see from Shopify.
 */
export function toShopifyJson(payload: unknown): string {
  const json = stringify(payload);
  if (json === undefined) throw new Error("Payload is not serialisable");
  return json;
}
