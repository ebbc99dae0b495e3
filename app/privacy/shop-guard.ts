import { MalformedPayloadError } from "~/errors";

/**
 * Refuses a compliance payload that names another shop than the one that signed the delivery: acting on
 * it would erase or export the wrong store's data.
 */
export function throwIfOtherShop(payloadShopDomain: string, shop: string): void {
  if (payloadShopDomain.trim().toLowerCase() !== shop) {
    throw new MalformedPayloadError("The payload's shop_domain does not match the delivering shop");
  }
}
