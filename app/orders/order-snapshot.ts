import type { ShippingLineFields } from "./shipping-lines";

/**
 * An order as Aftercare keeps it, whichever way it was read: a webhook payload (REST shape) or the Admin
 * GraphQL API (reconciliation). Both are mapped onto these types and written by `upsertOrderSnapshot`,
 * so the normalisers below make the two shapes agree value for value.
 */
export interface OrderSnapshot {
  order: OrderFields;
  lineItems: LineItemFields[];
  /** The checkout's shipping methods and charges; undefined when the source does not carry them (the held lines are kept). */
  shippingLines?: ShippingLineFields[];
  /** The shopper's contact point, when the order has a customer. */
  customer: CustomerContact | null;
}

export interface OrderFields {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  customerId: string | null;
  customerFirstName: string | null;
  locale: string | null;
  currencyCode: string | null;
  totalPrice: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  tags: string | null;
  statusPageUrl: string | null;
  shippingCountry: string | null;
  shippingProvince: string | null;
  shippingCity: string | null;
  shippingZip: string | null;
  /** The discount codes the shopper used, as stored (discountCodesText); null when none. */
  discountCodes: string | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  closedAt: Date | null;
  processedAt: Date;
  shopifyUpdatedAt: Date;
}

export interface LineItemFields {
  id: string;
  productId: string | null;
  variantId: string | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  quantity: number;
  price: string | null;
  requiresShipping: boolean;
}

export interface CustomerContact {
  id: string;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  /** undefined when the source does not carry it (REST order payloads): the held value is kept. */
  locale?: string | null;
  /** Shopify's SMS marketing consent state (orders/sms-consent.ts); undefined when the source does not carry it. */
  smsConsent?: string | null;
  /** When this contact point was true: the customer's updated_at, or the order's when Shopify omits it. */
  shopifyUpdatedAt: Date;
}

/** The order fields that identify or locate the shopper, blanked on a redacted order. */
export const ORDER_PII_FIELDS = [
  "email",
  "phone",
  "customerFirstName",
  "shippingCity",
  "shippingProvince",
  "shippingZip",
] as const satisfies readonly (keyof OrderFields)[];

const REST_FULFILLMENT_STATUS: Record<string, string> = { partial: "partially_fulfilled" };

/**
 * One vocabulary for an order's fulfillment status: GraphQL's OrderDisplayFulfillmentStatus in lower case.
 * REST sends null for unfulfilled and "partial" for partially fulfilled.
 */
export function normaliseFulfillmentStatus(value: string | null): string {
  if (value === null) return "unfulfilled";
  const lower = value.toLowerCase();
  return REST_FULFILLMENT_STATUS[lower] ?? lower;
}

/** GraphQL enum values (PARTIALLY_REFUNDED) in REST's lower case (partially_refunded). */
export function lowerCaseEnum(value: string | null | undefined): string | null {
  return value ? value.toLowerCase() : null;
}

/**
 * Discount codes as one text column: a JSON array, because a code may hold any character (a comma too).
 * Blank codes are dropped; null when none are left.
 */
export function discountCodesText(codes: ReadonlyArray<string | null | undefined>): string | null {
  const kept = codes.map((code) => code?.trim() ?? "").filter(Boolean);
  return kept.length ? JSON.stringify(kept) : null;
}

/** The codes of a stored discountCodes column; an unreadable value counts as none. */
export function parseDiscountCodes(text: string | null | undefined): string[] {
  if (!text) return [];
  try {
    const codes: unknown = JSON.parse(text);
    return Array.isArray(codes) ? codes.filter((code): code is string => typeof code === "string") : [];
  } catch {
    return [];
  }
}

/** Tags as REST sends them: "a, b". */
export function joinTags(tags: readonly string[]): string | null {
  return tags.length ? tags.join(", ") : null;
}
