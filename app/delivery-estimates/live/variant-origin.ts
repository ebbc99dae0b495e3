/** One fulfilled line: which variant left from which location. */
export interface ShippedVariant {
  variantId: string;
  originId: string;
}

export interface VariantOrigin {
  variantId: string;
  originId: string;
  /** Recent parcels of the variant that left from originId. */
  parcels: number;
}

/**
 * Where each variant usually ships from: the location that fulfilled most of its recent lines (ties go to the
 * lexically first location, so reruns agree). Our data has no stock levels, so the shop's own fulfillments stand in
 * for "the variant's inventory location".
 */
export function usualOrigins(rows: readonly ShippedVariant[]): VariantOrigin[] {
  const counts = new Map<string, Map<string, number>>();
  for (const { variantId, originId } of rows) {
    const perOrigin = counts.get(variantId) ?? new Map<string, number>();
    perOrigin.set(originId, (perOrigin.get(originId) ?? 0) + 1);
    counts.set(variantId, perOrigin);
  }
  return [...counts].map(([variantId, perOrigin]) => {
    const [originId, parcels] = [...perOrigin].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    return { variantId, originId, parcels };
  });
}

/** A storefront variant id (numeric, or its gid) as the gid line items store. */
export function variantGid(variant: string): string {
  return variant.startsWith("gid://") ? variant : `gid://shopify/ProductVariant/${variant}`;
}
