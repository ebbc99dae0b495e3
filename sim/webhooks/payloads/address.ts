import type { Address, CustomerRecord } from "../../store/types.ts";
import { idNumber } from "./format.ts";

const COUNTRY_NAMES = new Intl.DisplayNames(["en"], { type: "region" });

/** A REST mailing address (order shipping/billing, fulfillment destination). */
export function addressPayload(address: Address | null) {
  if (!address) return null;
  return {
    first_name: address.firstName,
    address1: address.address1,
    phone: address.phone,
    city: address.city,
    zip: address.zip,
    province: address.province,
    country: address.country,
    last_name: address.lastName,
    address2: address.address2,
    company: address.company,
    latitude: address.latitude,
    longitude: address.longitude,
    name: `${address.firstName} ${address.lastName}`.trim(),
    country_code: address.countryCode,
    province_code: address.provinceCode,
  };
}

/** A customer's saved address (`default_address`, `addresses[]`). */
export function customerAddressPayload(customer: CustomerRecord) {
  const address = customer.address;
  return {
    id: idNumber(customer.defaultAddressId),
    customer_id: idNumber(customer.id),
    first_name: address.firstName,
    last_name: address.lastName,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    country: address.country,
    zip: address.zip,
    phone: address.phone,
    name: `${address.firstName} ${address.lastName}`.trim(),
    province_code: address.provinceCode,
    country_code: address.countryCode,
    country_name: COUNTRY_NAMES.of(address.countryCode) ?? address.country,
    default: true,
  };
}
