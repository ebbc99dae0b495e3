/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import type { Api } from "@shopify/ui-extensions/customer-account.order.action.render";
import { render } from "preact";
import { APP_URL } from "../../shared/app-url";
import { hostOf } from "../../shared/returns/host";
import { returnsClient } from "../../shared/returns/returns-client";
import { ReturnFlow } from "../../shared/returns/ReturnFlow";

/** The extension API for this target, as the host installs it on the global object. */
const shopify = (globalThis as unknown as { shopify: Api }).shopify;

export default async () => {
  const host = hostOf(shopify, shopify.orderId);
  render(<ReturnFlow host={host} client={returnsClient(APP_URL, host)} />, document.body);
};
