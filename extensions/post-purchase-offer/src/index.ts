import { extend } from "@shopify/post-purchase-ui-extensions";
import { APP_URL } from "../../shared/app-url";
import { postPurchaseClient } from "./client";
import { mountUpsellPage } from "./mount";
import { shouldRender } from "./should-render";
import type { RemoteTarget } from "./tree";

extend("Checkout::PostPurchase::ShouldRender", (api) => shouldRender(api, postPurchaseClient(APP_URL, api.inputData.token)));

extend("Checkout::PostPurchase::Render", (root, api) => {
  // A page that cannot even be drawn must not hold the shopper back from their thank-you page.
  mountUpsellPage(root as unknown as RemoteTarget & { mount(): Promise<void> }, api, postPurchaseClient(APP_URL, api.inputData.token)).catch(() => api.done());
});
