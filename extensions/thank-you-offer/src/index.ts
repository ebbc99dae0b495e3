import "@shopify/ui-extensions/preact";
import type { Api } from "@shopify/ui-extensions/purchase.thank-you.block.render";
import { mountOfferBlock } from "../../shared/offer-block/mount";

/** The extension API for this target, as the host installs it on the global object. */
const shopify = (globalThis as unknown as { shopify: Api }).shopify;

export default async () => {
  mountOfferBlock(shopify, shopify.orderConfirmation.value?.order.id, "thank_you");
};
