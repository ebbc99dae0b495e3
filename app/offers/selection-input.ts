import { z } from "zod";
import { type Offer, type Surface } from "./offer-schema";
import { decimalText, gidOf } from "./targeting-schema";

/**
 * What the engine decides from: the order, a catalog snapshot of the variants it may offer, the shopper's
 * and the offer's history. The DB/API layer builds this (zod-checked here); the engine does no I/O.
 */

/** A line of the order; custom items have neither product nor variant. */
const orderLineSchema = z.object({
  productId: gidOf("Product").nullable(),
  variantId: gidOf("ProductVariant").nullable(),
  collectionIds: z.array(gidOf("Collection")).default([]),
  tags: z.array(z.string()).default([]),
  quantity: z.int().min(1),
  price: decimalText,
});

export const offerOrderSchema = z.object({
  id: z.string().min(1),
  /** In the shop's currency (shopMoney), like every amount the engine compares. */
  totalPrice: decimalText,
  currency: z.string().regex(/^[A-Z]{3}$/),
  lines: z.array(orderLineSchema),
  customer: z.object({
    id: gidOf("Customer").optional(),
    tags: z.array(z.string()).default([]),
    ordersCount: z.int().min(0).default(0),
  }),
  shippingCountry: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
  discountCodes: z.array(z.string()).default([]),
});
export type OfferOrder = z.infer<typeof offerOrderSchema>;

/** A variant as the catalog stands now. `available: null` means inventory is not tracked (never sells out). */
export const catalogVariantSchema = z.object({
  productId: gidOf("Product"),
  price: decimalText,
  available: z.int().nullable(),
});
export type CatalogVariant = z.infer<typeof catalogVariantSchema>;

/** Variant id → its catalog entry. A variant missing here is deleted or unpublished and is never offered. */
export const catalogSchema = z.record(gidOf("ProductVariant"), catalogVariantSchema);
export type Catalog = z.infer<typeof catalogSchema>;

/** Products recommended for this order, most relevant first, with the variants to consider in order. */
export const recommendationsSchema = z.array(
  z.object({ productId: gidOf("Product"), variantIds: z.array(gidOf("ProductVariant")).min(1) }),
);
export type Recommendation = z.infer<typeof recommendationsSchema>[number];

const countsByOffer = z.record(z.string(), z.int().min(0)).default({});

/** Per offer id: what has happened so far. Missing entries count as zero. */
export const offerHistorySchema = z.object({
  /** Accepts by this order's customer (empty for a guest). */
  acceptedByCustomer: countsByOffer,
  acceptedTotal: countsByOffer,
  impressions: countsByOffer,
  /** Discount given so far, decimal text in the shop's currency. */
  discountGiven: z.record(z.string(), decimalText).default({}),
});
export type OfferHistory = z.infer<typeof offerHistorySchema>;

export interface SelectOfferInput {
  offers: readonly Offer[];
  order: OfferOrder;
  catalog: Catalog;
  recommendations: readonly Recommendation[];
  history: OfferHistory;
  surface: Surface;
  now: Date;
  /** Mixed into A/B bucketing; change it to reshuffle shoppers between arms for a new experiment. */
  bucketingSeed?: string;
}
