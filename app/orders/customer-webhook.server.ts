import { z } from "zod";
import type { DbClient } from "~/db.server";
import type { WebhookEventContext } from "~/webhooks/handler";
import type { ShopifyJson } from "~/webhooks/payload";
import { gid, numericIdAsGid, optionalText, optionalTimestamp, parsePayload, timestamp } from "./payload-fields";
import { restSmsMarketingConsent, smsConsentFromRest, smsConsentState } from "./sms-consent";
import { updateHeldCustomer } from "./sync.server";

/** Shopify's REST customer payload (customers/create, customers/update), reduced to the contact point we keep. */
const customerWebhookSchema = z.object({
  admin_graphql_api_id: gid("Customer"),
  email: optionalText,
  phone: optionalText,
  first_name: optionalText,
  sms_marketing_consent: restSmsMarketingConsent,
  updated_at: timestamp,
});

/**
 * Applies customers/create and customers/update to a customer we already hold (one who ordered): contact point and
 * SMS consent, unless we hold a newer version or the customer was redacted. Customers who never ordered are not
 * stored — we keep shoppers' details only for the orders we follow. Throws InvalidShopifyPayloadError if unusable.
 */
export async function applyCustomerWebhook(client: DbClient, shop: string, payload: ShopifyJson): Promise<void> {
  const customer = parsePayload("customer", customerWebhookSchema, payload);
  await updateHeldCustomer(client, shop, {
    id: customer.admin_graphql_api_id,
    email: customer.email,
    phone: customer.phone,
    firstName: customer.first_name,
    smsConsent: smsConsentFromRest(customer.sms_marketing_consent),
    shopifyUpdatedAt: customer.updated_at,
  });
}

/** `customers_marketing_consent/update`: where API 2026-07 sends a customer's SMS consent (numeric id, no updated_at). */
const marketingConsentSchema = z.object({
  id: numericIdAsGid("Customer"),
  phone: optionalText,
  sms_marketing_consent: z.object({ state: smsConsentState, consent_updated_at: optionalTimestamp }).nullish(),
});

/**
 * Applies a change of SMS consent to a customer we hold. A consent change older than the snapshot we hold is
 * already in it, so it is skipped; without consent_updated_at, Shopify's X-Shopify-Triggered-At dates it; with
 * neither, it is the newest news there is and applies. The phone it
 * names is stored with it: consent belongs to that number.
 */
export async function applyMarketingConsentWebhook(client: DbClient, shop: string, payload: ShopifyJson, event?: WebhookEventContext): Promise<void> {
  const consent = parsePayload("customer marketing consent", marketingConsentSchema, payload);
  const changedAt = consent.sms_marketing_consent?.consent_updated_at ?? event?.triggeredAt ?? null;
  await client.customer.updateMany({
    where: {
      shop,
      id: consent.id,
      redactedAt: null,
      ...(changedAt ? { OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lte: changedAt } }] } : {}),
    },
    // A consent change moves the customer's updated_at at Shopify too: the row is now as of that moment.
    data: { phone: consent.phone, smsConsent: consent.sms_marketing_consent?.state ?? null, ...(changedAt ? { shopifyUpdatedAt: changedAt } : {}) },
  });
}
