/** @jsxImportSource preact */
import "@shopify/ui-extensions/preact";
import type { Api } from "@shopify/ui-extensions/customer-account.order.page.render";
import { render } from "preact";
import { APP_URL } from "../../shared/app-url";
import { hostOf } from "../../shared/returns/host";
import { returnsClient } from "../../shared/returns/returns-client";
import { ReturnFlow } from "../../shared/returns/ReturnFlow";

/** The extension API for this target, as the host installs it on the global object. */
const shopify = (globalThis as unknown as { shopify: Api }).shopify;

export default async () => {
  // The host leaves `order` undefined while the order is still being processed; there is nothing to return yet.
  const order = shopify.order.value;
  const host = hostOf(shopify, order?.id ?? "");
  render(
    order ? (
      <ReturnFlow host={host} client={returnsClient(APP_URL, host)} page={{ orderName: order.name }} />
    ) : (
      <s-page heading={host.translate("heading")}>
        <s-banner tone="critical" heading={host.translate("failed")} />
      </s-page>
    ),
    document.body,
  );
};
