import { z } from "zod";
import { gid, timestamp } from "~/orders/payload-fields";
import { isKnownCurrency } from "./money";
import { amountSchema } from "./policy-schema";

/**
 * The order as the policy engine needs it: what was bought, paid, fulfilled and already returned. The
 * caller builds it from the stored order and Shopify's returnable fulfillments; prices are the shop-currency
 * amounts (`shopMoney`) so they match the policy's fixed fees.
 */

/** A moment, as a Date or ISO 8601 text with an offset. */
export const instantSchema = z.union([z.date(), timestamp]);

const optionalInstant = instantSchema.nullish().transform((value) => value ?? null);

const optionalLabel = z
  .string()
  .nullish()
  .transform((value) => (value?.trim() ? value.trim() : null));

export const returnOrderLineSchema = z.object({
  lineItemId: gid("LineItem"),
  /** null for custom items, which no product rule can match. */
  productId: gid("Product").nullish().transform((value) => value ?? null),
  variantId: gid("ProductVariant").nullish().transform((value) => value ?? null),
  collectionIds: z.array(gid("Collection")).default([]),
  tags: z.array(z.string()).default([]),
  productType: optionalLabel,
  vendor: optionalLabel,
  title: z.string().trim().min(1),
  /** The list price of one unit. */
  unitPrice: amountSchema,
  /** What one unit actually cost after discounts: the most a return of it can give back. */
  discountedUnitPrice: amountSchema,
  quantity: z.int().min(0),
  fulfilledQuantity: z.int().min(0),
  alreadyReturnedQuantity: z.int().min(0).default(0),
  /** Sold as final sale (e.g. marked on the line by a clearance discount), whatever the rules say. */
  finalSaleFlag: z.boolean().default(false),
  /** When this line shipped or arrived, if it differs from the order's (split shipments). */
  fulfilledAt: optionalInstant,
  deliveredAt: optionalInstant,
});
export type ReturnOrderLine = z.infer<typeof returnOrderLineSchema>;

export const returnOrderSchema = z.object({
  id: gid("Order"),
  processedAt: instantSchema,
  fulfilledAt: optionalInstant,
  deliveredAt: optionalInstant,
  currency: z.string().refine(isKnownCurrency, "must be an ISO 4217 currency code like USD"),
  lines: z
    .array(returnOrderLineSchema)
    .min(1)
    .max(1000)
    .refine((lines) => new Set(lines.map((line) => line.lineItemId)).size === lines.length, "must not repeat a line item"),
});
export type ReturnOrder = z.infer<typeof returnOrderSchema>;
export type ReturnOrderInput = z.input<typeof returnOrderSchema>;

/** An IANA time zone this runtime knows ("Europe/Berlin"). */
export const timeZoneSchema = z.string().refine((timeZone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone like Europe/Berlin");
