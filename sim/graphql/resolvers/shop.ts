import type { ShopRecord } from "../../store/types.ts";
import type { TypeResolvers } from "../resolver-types.ts";

export const shopResolvers: TypeResolvers<ShopRecord> = {
  myshopifyDomain: (shop) => shop.domain,
  contactEmail: (shop) => shop.email,
  currencyCode: (shop) => shop.currency,
  timezoneAbbreviation: (shop) =>
    new Intl.DateTimeFormat("en-US", { timeZone: shop.ianaTimezone, timeZoneName: "short" })
      .formatToParts(new Date())
      .find((part) => part.type === "timeZoneName")?.value ?? "UTC",
  primaryDomain: (shop) => ({ id: `gid://shopify/Domain/${shop.id}`, host: shop.domain, url: `https://${shop.domain}`, sslEnabled: true }),
  billingAddress: (shop) => ({ ...shop.address, id: `gid://shopify/ShopAddress/${shop.id}`, countryCodeV2: shop.address.countryCode }),
  plan: (shop) => ({
    displayName: shop.planDisplayName,
    publicDisplayName: shop.planDisplayName,
    partnerDevelopment: shop.planName === "partner_test",
    shopifyPlus: shop.planName === "shopify_plus",
  }),
  url: (shop) => `https://${shop.domain}`,
};
