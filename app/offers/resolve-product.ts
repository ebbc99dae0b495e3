import { type ProductSource } from "./offer-schema";
import { type Reason, reason, type RejectionCode } from "./reasons";
import { type Catalog, type CatalogVariant, type OfferOrder, type Recommendation } from "./selection-input";

export interface ResolvedProduct {
  productId: string;
  variantId: string;
  variant: CatalogVariant;
  /** Position in the recommendations (0 = most relevant), for recommended offers. */
  recommendationRank: number | null;
}

export interface ProductContext {
  order: OfferOrder;
  catalog: Catalog;
  recommendations: readonly Recommendation[];
  quantity: number;
  replenishable: boolean;
}

/**
 * The variant an offer would add: the fixed one if it still exists, is in stock and is not already in the
 * order, or else the most relevant recommendation that passes the same checks.
 */
export function resolveProduct(source: ProductSource, context: ProductContext): ResolvedProduct | Reason<RejectionCode> {
  if (source.kind === "fixed") {
    const variant = context.catalog[source.variantId];
    if (!variant || variant.productId !== source.productId) return reason("variant_unavailable", { variantId: source.variantId });
    const blocker = blockerFor(source.productId, variant, context);
    return blocker ?? { productId: source.productId, variantId: source.variantId, variant, recommendationRank: null };
  }
  const excluded = new Set(source.excludeProductIds);
  for (const [rank, candidate] of context.recommendations.entries()) {
    if (excluded.has(candidate.productId)) continue;
    for (const variantId of candidate.variantIds) {
      const variant = context.catalog[variantId];
      if (!variant || variant.productId !== candidate.productId) continue;
      if (blockerFor(candidate.productId, variant, context)) continue;
      return { productId: candidate.productId, variantId, variant, recommendationRank: rank };
    }
  }
  return reason("no_recommendation_available", { candidates: context.recommendations.length });
}

function blockerFor(productId: string, variant: CatalogVariant, context: ProductContext): Reason<RejectionCode> | null {
  if (variant.available !== null && variant.available < context.quantity) {
    return reason("out_of_stock", { productId, available: Math.max(variant.available, 0) });
  }
  if (!context.replenishable && context.order.lines.some((line) => line.productId === productId)) {
    return reason("already_in_order", { productId });
  }
  return null;
}
