/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import type { Api } from "@shopify/ui-extensions/customer-account.order-status.block.render";
import { render } from "preact";
import { APP_URL } from "./app-url";
import type { BlockApi } from "./contract";
import { OrderStatusBlock } from "./OrderStatusBlock";

/** The extension API for this target, as the host installs it on the global object. */
const shopify = (globalThis as unknown as { shopify: Api }).shopify;

/** The block's view of the extension API: order id, session token, translations and the buyer's time zone. */
function blockApi(api: Api): BlockApi {
  return {
    orderId: api.order.value?.id,
    timeZone: api.localization.timezone.value,
    getSessionToken: () => api.sessionToken.get(),
    translate: (key, replacements) => String(api.i18n.translate(key, replacements)),
    formatDate: (date, options) => api.i18n.formatDate(date, options),
  };
}

export default async () => {
  render(<OrderStatusBlock api={blockApi(shopify)} appUrl={APP_URL} />, document.body);
};
