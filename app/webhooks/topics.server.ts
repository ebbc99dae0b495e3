import { applyCustomerWebhook, applyMarketingConsentWebhook } from "~/orders/customer-webhook.server";
import { applyOrderWebhook } from "~/orders/sync.server";
import { exportCustomerData } from "~/privacy/data-request.server";
import { redactCustomer } from "~/privacy/customer-redact.server";
import { redactShopWebhook } from "~/privacy/shop-redact.server";
import { applyRefundWebhookWithReturns, RETURN_WEBHOOK_HANDLERS } from "~/returns/webhooks.server";
import { onAppUninstalled, onScopesUpdated } from "~/shops/lifecycle.server";
import { applyFulfillmentEventWebhook } from "~/tracking/fulfillment-events.server";
import { applyFulfillmentWebhook } from "~/tracking/fulfillments.server";
import type { WebhookHandlers } from "./process.server";

/** The handler of every applied topic (topic-names.ts lists them; the type makes this table complete). */
export const WEBHOOK_HANDLERS: WebhookHandlers = {
  "orders/create": applyOrderWebhook,
  "orders/updated": applyOrderWebhook,
  "orders/cancelled": applyOrderWebhook,
  "orders/fulfilled": applyOrderWebhook,
  "orders/partially_fulfilled": applyOrderWebhook,
  "fulfillments/create": applyFulfillmentWebhook,
  "fulfillments/update": applyFulfillmentWebhook,
  "fulfillment_events/create": applyFulfillmentEventWebhook,
  "refunds/create": applyRefundWebhookWithReturns,
  ...RETURN_WEBHOOK_HANDLERS,
  "customers/create": applyCustomerWebhook,
  "customers/update": applyCustomerWebhook,
  "customers_marketing_consent/update": applyMarketingConsentWebhook,
  "app/uninstalled": onAppUninstalled,
  "app/scopes_update": onScopesUpdated,
  "customers/data_request": exportCustomerData,
  "customers/redact": redactCustomer,
  "shop/redact": redactShopWebhook,
};
