import type { ShopState } from "../../store/shop-state.ts";
import { idNumber, shopTime } from "./format.ts";

const COUNTRY_NAMES = new Intl.DisplayNames(["en"], { type: "region" });

function moneyFormat(currency: string): string {
  const symbol = new Intl.NumberFormat("en", { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency")?.value ?? currency;
  return `${symbol}{{amount}}`;
}

/** The shop resource, as sent with `app/uninstalled` and `shop/update`. */
export function shopPayload(state: ShopState) {
  const { shop } = state;
  const tz = shop.ianaTimezone;
  const address = shop.address;
  return {
    id: idNumber(shop.id),
    name: shop.name,
    email: shop.email,
    domain: shop.domain,
    province: address.province,
    country: address.countryCode,
    address1: address.address1,
    zip: address.zip,
    city: address.city,
    source: null,
    phone: address.phone,
    latitude: address.latitude,
    longitude: address.longitude,
    primary_locale: shop.primaryLocale,
    address2: address.address2,
    created_at: shopTime(shop.createdAt, tz),
    updated_at: shopTime(shop.updatedAt, tz),
    country_code: address.countryCode,
    country_name: COUNTRY_NAMES.of(address.countryCode) ?? address.country,
    currency: shop.currency,
    customer_email: shop.email,
    timezone: shop.timezoneLabel,
    iana_timezone: shop.ianaTimezone,
    shop_owner: shop.shopOwner,
    money_format: moneyFormat(shop.currency),
    money_with_currency_format: `${moneyFormat(shop.currency)} ${shop.currency}`,
    weight_unit: "kg",
    province_code: address.provinceCode,
    taxes_included: false,
    auto_configure_tax_inclusivity: null,
    tax_shipping: null,
    county_taxes: true,
    plan_display_name: shop.planDisplayName,
    plan_name: shop.planName,
    has_discounts: false,
    has_gift_cards: false,
    myshopify_domain: shop.domain,
    google_apps_domain: null,
    google_apps_login_enabled: null,
    money_in_emails_format: moneyFormat(shop.currency),
    money_with_currency_in_emails_format: `${moneyFormat(shop.currency)} ${shop.currency}`,
    eligible_for_payments: true,
    requires_extra_payments_agreement: false,
    password_enabled: false,
    has_storefront: true,
    finances: true,
    primary_location_id: idNumber(shop.primaryLocationId),
    checkout_api_supported: true,
    multi_location_enabled: true,
    setup_required: false,
    pre_launch_enabled: false,
    enabled_presentment_currencies: [shop.currency],
    marketing_sms_consent_enabled_at_checkout: false,
    transactional_sms_disabled: false,
  };
}
