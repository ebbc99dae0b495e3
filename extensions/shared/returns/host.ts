import type { Api } from "@shopify/ui-extensions/customer-account.order.action.menu-item.render";
import type { ReturnsHost } from "./contract";

/**
 * The flow's view of a customer-account target's API: the order, the session token and the buyer's language.
 * The order comes separately because the order-action targets name it (`orderId`) and the order page reads it
 * from its `order` signal.
 */
export function hostOf(api: Pick<Api, "localization" | "sessionToken" | "i18n">, orderId: string): ReturnsHost {
  return {
    orderId,
    locale: api.localization.extensionLanguage.value.isoCode,
    getSessionToken: () => api.sessionToken.get(),
    translate: (key, replacements) => String(api.i18n.translate(key, replacements)),
    formatDate: (date) => api.i18n.formatDate(date, { dateStyle: "medium", timeStyle: "short" }),
  };
}
