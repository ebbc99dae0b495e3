import type { CarrierId } from "./carrier-registry";

// Keys are company names folded by `companyKey`: Shopify's own tracking company list ("Amazon Logistics UK",
// "Deutsche Post (DE)"), and what merchants type by hand ("United Parcel Service", "fed ex").
const ALIASES: Readonly<Record<string, CarrierId>> = {
  ups: "ups",
  unitedparcelservice: "ups",
  upsground: "ups",
  usps: "usps",
  unitedstatespostalservice: "usps",
  uspostalservice: "usps",
  fedex: "fedex",
  federalexpress: "fedex",
  fedexground: "fedex",
  fedexexpress: "fedex",
  fedexsmartpost: "fedex",
  dhl: "dhl_express",
  dhlexpress: "dhl_express",
  dhlecommerce: "dhl_ecommerce",
  dhlecommerceasia: "dhl_ecommerce",
  dhlglobalmail: "dhl_ecommerce",
  dhlparcel: "deutsche_post",
  dhlpaket: "deutsche_post",
  deutschepost: "deutsche_post",
  deutschepostde: "deutsche_post",
  deutscheposten: "deutsche_post",
  deutschepostdhl: "deutsche_post",
  amazon: "amazon",
  amazonlogistics: "amazon",
  amazonlogisticsus: "amazon",
  amazonlogisticsuk: "amazon",
  amazonshipping: "amazon",
  ontrac: "ontrac",
  canadapost: "canada_post",
  postescanada: "canada_post",
  royalmail: "royal_mail",
  australiapost: "australia_post",
  auspost: "australia_post",
  laposte: "la_poste",
  colissimo: "la_poste",
  lapostecolissimo: "la_poste",
  postnl: "postnl",
  postnlinternational: "postnl",
  postnldomestic: "postnl",
  postnlinternationalmail: "postnl",
};

// What Shopify's "Other" option and hand-typed placeholders say: no company at all.
const NO_COMPANY = new Set(["", "other", "others", "custom", "none", "na", "unknown", "manual"]);

/** A company name folded for comparison: no accents, case, spaces or punctuation ("Fed-Ex " → "fedex"). */
export function companyKey(company: string): string {
  return company
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Whether a fulfillment's tracking company names nothing (blank, "Other", "N/A"). */
export function isUnnamedCompany(company: string | null | undefined): boolean {
  return !company || NO_COMPANY.has(companyKey(company));
}

/** Our carrier id for a tracking company as Shopify or a merchant wrote it, or null when we do not know it. */
export function carrierFromCompany(company: string): CarrierId | null {
  return ALIASES[companyKey(company)] ?? null;
}
