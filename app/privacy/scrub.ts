import type { ShopifyJson } from "~/webhooks/payload";

// Keys that hold a person's contact or location details wherever they appear in a Shopify payload.
const PERSONAL_KEYS = new Set([
  "email",
  "contact_email",
  "customer_email",
  "phone",
  "first_name",
  "last_name",
  "address1",
  "address2",
  "zip",
  "company",
  "latitude",
  "longitude",
  "browser_ip",
  "user_agent",
  "note",
]);
// `name` is a person only inside these objects; elsewhere it is an order ("#1001") or a product.
const PERSON_OBJECTS = new Set(["customer", "billing_address", "shipping_address", "default_address", "addresses", "destination"]);

/** A copy of a payload with every personal field set to null; ids, amounts and statuses stay. */
export function scrubPersonalData(value: ShopifyJson, parentKey = ""): ShopifyJson {
  if (Array.isArray(value)) return value.map((item) => scrubPersonalData(item, parentKey));
  if (value === null || typeof value !== "object") return value;
  const scrubbed: Record<string, ShopifyJson> = {};
  for (const [key, child] of Object.entries(value)) {
    const personal = PERSONAL_KEYS.has(key) || (key === "name" && PERSON_OBJECTS.has(parentKey));
    scrubbed[key] = personal && (child === null || typeof child !== "object") ? null : scrubPersonalData(child, key);
  }
  return scrubbed;
}

/** Whether any scalar in a payload equals one of `needles` (compared as text, case-insensitively). */
export function mentionsAny(value: ShopifyJson, needles: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((item) => mentionsAny(item, needles));
  if (value !== null && typeof value === "object") return Object.values(value).some((child) => mentionsAny(child, needles));
  return value !== null && needles.has(String(value).toLowerCase());
}
