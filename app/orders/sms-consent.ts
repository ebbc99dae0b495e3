import { z } from "zod";

/**
 * Shopify's SMS marketing consent states, lower case as stored in Customer.smsConsent: REST payloads send
 * `sms_marketing_consent.state` ("subscribed"), the Admin API `CustomerPhoneNumber.marketingState` ("SUBSCRIBED").
 */
export const SMS_CONSENT_STATES = ["subscribed", "not_subscribed", "pending", "unsubscribed", "redacted", "invalid"] as const;
export type SmsConsentState = (typeof SMS_CONSENT_STATES)[number];

/** A consent state from either API, lower-cased; an unknown state reads as null (no consent). */
export const smsConsentState = z
  .string()
  .nullish()
  .transform((value): SmsConsentState | null => {
    const lower = value?.trim().toLowerCase();
    return SMS_CONSENT_STATES.find((state) => state === lower) ?? null;
  });

/** The REST `sms_marketing_consent` object (orders' customer, customers/create|update); null when the customer has no phone. */
export const restSmsMarketingConsent = z.object({ state: smsConsentState }).nullish();

/**
 * The consent to store from a REST payload: undefined when the payload does not carry the field (keep what we
 * hold), the state when it does, null when Shopify sends null (no phone, so nothing consented).
 */
export function smsConsentFromRest(consent: z.infer<typeof restSmsMarketingConsent>): SmsConsentState | null | undefined {
  if (consent === undefined) return undefined;
  return consent?.state ?? null;
}
