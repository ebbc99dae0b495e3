import type { Api } from "@shopify/ui-extensions/customer-account.order.action.menu-item.render";
import { APP_URL } from "../../shared/app-url";
import { hostOf } from "../../shared/returns/host";
import { returnsClient } from "../../shared/returns/returns-client";
import { menuLabelKey } from "./menu-label";

/** The extension API for this target, as the host installs it on the global object. */
const shopify = (globalThis as unknown as { shopify: Api }).shopify;

// One button, so no UI library: pressing it opens the order action's modal (action.tsx).
export default async () => {
  const host = hostOf(shopify, shopify.orderId);
  const key = await menuLabelKey(returnsClient(APP_URL, host));
  if (!key) return;
  const button = document.createElement("s-button");
  button.textContent = host.translate(key);
  document.body.append(button);
};
