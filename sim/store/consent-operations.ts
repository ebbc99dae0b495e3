import { StoreError } from "./errors.ts";
import type { NumericId } from "./ids.ts";
import type { SimStore } from "./store.ts";
import type { ConsentDetails, CustomerRecord, MarketingOptInLevel, MarketingState } from "./types.ts";

export interface ConsentChange {
  state: MarketingState;
  optInLevel?: MarketingOptInLevel;
  /** When the customer gave or withdrew consent; defaults to now. */
  consentUpdatedAt?: Date | null;
  collectedFrom?: "shopify" | "other";
}

export interface UpdateConsentInput {
  sms?: ConsentChange;
  email?: ConsentChange;
  at?: Date;
}

function consentAfter(previous: ConsentDetails, change: ConsentChange, at: Date): ConsentDetails {
  return { optInLevel: change.optInLevel ?? previous.optInLevel, updatedAt: change.consentUpdatedAt ?? at, collectedFrom: change.collectedFrom ?? "other" };
}

/**
 * A consent change (a STOP reply, an unsubscribe link, the merchant or an app): `customers/update`, then
 * `customers_marketing_consent/update` for SMS and `customers_email_marketing_consent/update` for email.
 * Setting the state it already has changes nothing and sends nothing.
 */
export function updateMarketingConsent(store: SimStore, domain: string, customerId: NumericId, input: UpdateConsentInput): CustomerRecord {
  const customer = store.state(domain).customers.get(customerId);
  if (!customer) throw new StoreError("NOT_FOUND", "Customer not found", ["customerId"], "INVALID");
  if (input.sms && !customer.phone) throw new StoreError("INVALID", "A phone number is required to set SMS consent", ["smsMarketingConsent"], "INVALID");
  if (input.email && !customer.email) throw new StoreError("INVALID", "An email address is required to set email consent", ["emailMarketingConsent"], "INVALID");
  const at = store.now(input.at);
  const sms = input.sms !== undefined && input.sms.state !== customer.smsMarketing;
  const email = input.email !== undefined && input.email.state !== customer.emailMarketing;
  if (!sms && !email) return customer;
  if (sms) {
    customer.smsMarketing = input.sms!.state;
    customer.smsConsent = consentAfter(customer.smsConsent, input.sms!, at);
  }
  if (email) {
    customer.emailMarketing = input.email!.state;
    customer.emailConsent = consentAfter(customer.emailConsent, input.email!, at);
  }
  customer.updatedAt = at;
  store.emit(domain, { kind: "customer.consent_updated", customerId, sms, email, customerUpdated: true }, at);
  return customer;
}
