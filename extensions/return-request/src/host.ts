import type { Api } from "@shopify/ui-extensions/customer-account.order.action.menu-item.render";
import type { ReturnsHost } from "./contract";

/** The flow's view of either order-action target's API: the order, the session token and the buyer's language. */
export function hostOf(api: Pick<Api, "orderId" | "localization" | "sessionToken" | "i18n">): ReturnsHost {
  return {
    orderId: api.orderId,
    locale: api.localization.extensionLanguage.value.isoCode,
    getSessionToken: () => api.sessionToken.get(),
    translate: (key, replacements) => String(api.i18n.translate(key, replacements)),
    formatDate: (date) => api.i18n.formatDate(date, { dateStyle: "medium", timeStyle: "short" }),
  };
}
