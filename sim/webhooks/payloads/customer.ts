import { toGid } from "../../store/ids.ts";
import type { CustomerRecord, ShopRecord } from "../../store/types.ts";
import { customerAddressPayload } from "./address.ts";
import { idNumber, shopTime } from "./format.ts";

/** The customer as embedded in order payloads. */
export function orderCustomerPayload(customer: CustomerRecord, shop: ShopRecord) {
  return {
    id: idNumber(customer.id),
    created_at: shopTime(customer.createdAt, shop.ianaTimezone),
    updated_at: shopTime(customer.updatedAt, shop.ianaTimezone),
    first_name: customer.firstName,
    last_name: customer.lastName,
    state: customer.email ? "enabled" : "disabled",
    note: null,
    verified_email: customer.email !== null,
    multipass_identifier: null,
    tax_exempt: false,
    email: customer.email,
    phone: customer.phone,
    currency: shop.currency,
    tax_exemptions: [],
    admin_graphql_api_id: toGid("Customer", customer.id),
    default_address: customerAddressPayload(customer),
  };
}

/** `customers/create` and `customers/update`. */
export function customerPayload(customer: CustomerRecord, shop: ShopRecord) {
  const { tax_exemptions, admin_graphql_api_id, default_address, ...head } = orderCustomerPayload(customer, shop);
  return {
    ...head,
    addresses: [customerAddressPayload(customer)],
    tax_exemptions,
    admin_graphql_api_id,
    default_address,
  };
}

/** `customers_marketing_consent/update`: the customer's SMS consent. */
export function smsConsentPayload(customer: CustomerRecord, shop: ShopRecord) {
  const given = customer.smsConsent.updatedAt !== null;
  return {
    id: idNumber(customer.id),
    phone: customer.phone,
    sms_marketing_consent: {
      state: customer.smsMarketing,
      opt_in_level: given ? customer.smsConsent.optInLevel : null,
      consent_updated_at: shopTime(customer.smsConsent.updatedAt, shop.ianaTimezone),
      consent_collected_from: customer.smsConsent.collectedFrom,
    },
  };
}

/** `customers_email_marketing_consent/update`: the customer's email consent. */
export function emailConsentPayload(customer: CustomerRecord, shop: ShopRecord) {
  const given = customer.emailConsent.updatedAt !== null;
  return {
    customer_id: idNumber(customer.id),
    email_address: customer.email,
    email_marketing_consent: {
      state: customer.emailMarketing,
      opt_in_level: given ? customer.emailConsent.optInLevel : null,
      consent_updated_at: shopTime(customer.emailConsent.updatedAt, shop.ianaTimezone),
    },
  };
}
