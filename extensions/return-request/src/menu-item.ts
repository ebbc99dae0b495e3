import type { Api } from "@shopify/ui-extensions/customer-account.order.action.menu-item.render";
import { APP_URL } from "../../shared/app-url";
import { hostOf } from "./host";
import { menuLabelKey } from "./menu-label";
import { returnsClient } from "./returns-client";

/** The extension API for this target, as the host installs it on the global object. */
const shopify = (globalThis as unknown as { shopify: Api }).shopify;

// One button, so no UI library: pressing it opens the order action's modal (action.tsx).
export default async () => {
  const host = hostOf(shopify);
  const key = await menuLabelKey(returnsClient(APP_URL, host));
  if (!key) return;
  const button = document.createElement("s-button");
  button.textContent = host.translate(key);
  document.body.append(button);
};
