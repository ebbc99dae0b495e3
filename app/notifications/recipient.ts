import { z } from "zod";
import type { Channel } from "./channels";
import type { SuppressionReason } from "./message-status";
import { toE164 } from "./sms/phone";

/** Shopify's SMS marketing consent state that permits texting the customer's own phone. */
export const SMS_CONSENTED = "subscribed";

/** States in which the shopper said no to texts from the shop: no text at all, not even about an order. */
const SMS_REFUSED: ReadonlySet<string> = new Set(["unsubscribed", "redacted"]);

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
 * an invalid one, or — for SMS — no consent. Consent for SMS (ADR 7): the order's own phone is the number the
 * shopper gave at checkout for this order's updates (Shopify: "the customer's phone number for receiving SMS
 * notifications"), so a transactional text about the order may go there; the customer's account phone only with
 * SMS marketing consent ("subscribed"). A shopper whose SMS consent is unsubscribed or redacted gets no text.
 */
export function recipientFor(channel: Channel, contact: ContactFacts): Recipient {
  if (channel === "email") {
    const email = (contact.orderEmail ?? contact.customerEmail)?.trim().toLowerCase();
    if (!email) return { reason: "no_recipient" };
    return emailSchema.safeParse(email).success ? { address: email } : { reason: "invalid_recipient" };
  }
  const consent = contact.smsConsent?.trim().toLowerCase() ?? null;
  const orderPhone = contact.orderPhone?.trim();
  const phone = orderPhone || contact.customerPhone?.trim();
  if (!phone) return { reason: "no_recipient" };
  const e164 = toE164(phone, contact.shippingCountry);
  if (!e164) return { reason: "invalid_recipient" };
  if (consent && SMS_REFUSED.has(consent)) return { reason: "no_consent" };
  if (!orderPhone && consent !== SMS_CONSENTED) return { reason: "no_consent" };
  return { address: e164 };
}
