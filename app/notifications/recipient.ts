import { z } from "zod";
import type { Channel } from "./channels";
import type { SuppressionReason } from "./message-status";
import { toE164 } from "./sms/phone";

/** Shopify's SMS consent state that permits texting (customer.sms_marketing_consent.state). */
export const SMS_CONSENTED = "subscribed";

export interface ContactFacts {
  orderEmail: string | null;
  orderPhone: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  /** Customer.smsConsent: Shopify's sms_marketing_consent state, lower case. */
  smsConsent: string | null;
  shippingCountry: string | null;
}

export type Recipient = { address: string } | { reason: SuppressionReason };

const emailSchema = z.email();

/**
 * Who a message goes to on `channel`, normalised (lower-case email, E.164 phone), or why nobody: no address,
 * an invalid one, or — for SMS — no consent from the shopper.
 */
export function recipientFor(channel: Channel, contact: ContactFacts): Recipient {
  if (channel === "email") {
    const email = (contact.orderEmail ?? contact.customerEmail)?.trim().toLowerCase();
    if (!email) return { reason: "no_recipient" };
    return emailSchema.safeParse(email).success ? { address: email } : { reason: "invalid_recipient" };
  }
  const phone = contact.orderPhone ?? contact.customerPhone;
  if (!phone?.trim()) return { reason: "no_recipient" };
  const e164 = toE164(phone, contact.shippingCountry);
  if (!e164) return { reason: "invalid_recipient" };
  if (contact.smsConsent?.toLowerCase() !== SMS_CONSENTED) return { reason: "no_consent" };
  return { address: e164 };
}
