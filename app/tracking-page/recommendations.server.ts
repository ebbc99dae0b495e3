import { z } from "zod";
import { logger } from "~/logger.server";
import { adminGraphql, type AdminGraphqlClient } from "~/shopify/admin-graphql.server";

export interface Recommendation {
  productId: string;
  title: string;
  url: string;
  imageUrl: string | null;
  imageAlt: string | null;
  /** Decimal text in the shop's currency, from the product's first variant. */
  price: string | null;
}

// The Admin API has no productRecommendations (that is Storefront-only), so "related" means: active products
// of the same product types as the order's, which Admin search can answer.
export const PRODUCT_TYPES_QUERY = `#graphql
  query TrackingPageProductTypes($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product { id productType }
    }
  }`;

export const RELATED_PRODUCTS_QUERY = `#graphql
  query TrackingPageRelatedProducts($query: String!, $first: Int!) {
    products(first: $first, query: $query) {
      nodes {
        id
        title
        status
        onlineStoreUrl
        featuredImage { url altText }
        variants(first: 1) { nodes { price } }
      }
    }
  }`;

const productTypesSchema = z.object({
  nodes: z.array(z.object({ id: z.string().optional(), productType: z.string().optional() }).nullable()),
});

const relatedProductsSchema = z.object({
  products: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.string(),
        onlineStoreUrl: z.string().nullable(),
        featuredImage: z.object({ url: z.string(), altText: z.string().nullable() }).nullable(),
        variants: z.object({ nodes: z.array(z.object({ price: z.string() })) }),
      }),
    ),
  }),
});

const CACHE_TTL_MS = 60 * 60 * 1000;
const FAILURE_TTL_MS = 5 * 60 * 1000;
const CACHE_MAX_ENTRIES = 5_000;

interface CacheEntry {
  expiresAt: number;
  value: Promise<Recommendation[]>;
}

// Per process: recommendations change slowly, and a miss costs one Admin API round trip, not correctness.
const cache = new Map<string, CacheEntry>();

/** Forgets cached recommendations (tests). */
export function clearRecommendationCache(): void {
  cache.clear();
}

const searchValue = (value: string) => `"${value.replace(/["\\]/g, "")}"`;

async function fetchRecommendations(admin: AdminGraphqlClient, productIds: readonly string[], limit: number): Promise<Recommendation[]> {
  const { nodes } = await adminGraphql(admin, PRODUCT_TYPES_QUERY, { ids: productIds }, productTypesSchema);
  const types = [...new Set(nodes.flatMap((node) => (node?.productType ? [node.productType] : [])))];
  if (!types.length) return [];
  const query = types.map((type) => `product_type:${searchValue(type)}`).join(" OR ");
  const { products } = await adminGraphql(admin, RELATED_PRODUCTS_QUERY, { query, first: Math.min(50, limit + productIds.length + 5) }, relatedProductsSchema);
  const ordered = new Set(productIds);
  return products.nodes
    .filter((product) => product.status === "ACTIVE" && product.onlineStoreUrl && !ordered.has(product.id))
    .slice(0, limit)
    .map((product) => ({
      productId: product.id,
      title: product.title,
      url: product.onlineStoreUrl!,
      imageUrl: product.featuredImage?.url ?? null,
      imageAlt: product.featuredImage?.altText ?? null,
      price: product.variants.nodes[0]?.price ?? null,
    }));
}

/**
 * Products to recommend next to an order: related to `productIds`, cached per shop and product set. The page
 * never waits on Shopify longer than `timeoutMs`: a slow or failed call renders without recommendations while
 * the call finishes into the cache for the next view.
 */
export async function recommendedProducts(
  admin: AdminGraphqlClient,
  shop: string,
  productIds: readonly string[],
  options: { limit?: number; timeoutMs?: number; now?: number } = {},
): Promise<Recommendation[]> {
  if (!productIds.length) return [];
  const limit = options.limit ?? 4;
  const now = options.now ?? Date.now();
  const key = `${shop}|${limit}|${[...productIds].sort().join(",")}`;
  let entry = cache.get(key);
  if (!entry || entry.expiresAt <= now) {
    const value = fetchRecommendations(admin, productIds, limit);
    const fresh: CacheEntry = { expiresAt: now + CACHE_TTL_MS, value };
    value.catch((error: unknown) => {
      fresh.expiresAt = Date.now() + FAILURE_TTL_MS;
      fresh.value = Promise.resolve([]);
      logger.warn({ shop, error: (error as Error).message }, "tracking page recommendations failed");
    });
    if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, fresh);
    entry = fresh;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Recommendation[]>((resolve) => {
    timer = setTimeout(() => resolve([]), options.timeoutMs ?? 250);
  });
  try {
    return await Promise.race([entry.value.catch(() => []), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
