import { z } from "zod";
import { adminGraphql, type AdminGraphqlClient } from "~/shopify/admin-graphql.server";

/**
 * The collections of the ordered products, for targeting by collection. Neither the order webhook nor the
 * post-purchase input names them, so they are read from the Admin API and cached per product for a short
 * while: a shop's best sellers are in most orders, and a collection change may take a few minutes to apply.
 */

export const OFFER_PRODUCT_COLLECTIONS_QUERY = `#graphql
  query OfferProductCollections($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        collections(first: 100) { nodes { id } }
      }
    }
  }`;

const productSchema = z.object({ id: z.string(), collections: z.object({ nodes: z.array(z.object({ id: z.string() })) }) });
// `nodes` answers null for a deleted id and {} for an id of another type.
const answerSchema = z.object({ nodes: z.array(z.union([productSchema, z.object({}).strict(), z.null()])) });

export const COLLECTIONS_TTL_MS = 5 * 60_000;
const MAX_CACHED_PRODUCTS = 10_000;

interface Cached {
  collectionIds: string[];
  expiresAt: number;
}

/** Shop + product → its collection ids. Insertion order is age order, so the oldest entry is evicted first. */
const cache = new Map<string, Cached>();

/** Forgets every cached product (tests). */
export function clearCollectionsCache(): void {
  cache.clear();
}

/** Product id → ids of the collections it belongs to (at most 250 products, Shopify's limit for `nodes`). */
export async function collectionsOfProducts(admin: AdminGraphqlClient, shop: string, productIds: readonly string[], now = Date.now()): Promise<Record<string, string[]>> {
  const ids = [...new Set(productIds)].slice(0, 250);
  const found: Record<string, string[]> = {};
  const missing: string[] = [];
  for (const id of ids) {
    const hit = cache.get(keyOf(shop, id));
    if (hit && hit.expiresAt > now) found[id] = hit.collectionIds;
    else missing.push(id);
  }
  if (missing.length === 0) return found;

  const { nodes } = await adminGraphql(admin, OFFER_PRODUCT_COLLECTIONS_QUERY, { ids: missing }, answerSchema);
  for (const node of nodes) {
    if (!node || !("id" in node)) continue;
    found[node.id] = node.collections.nodes.map((collection) => collection.id);
  }
  // A deleted product is cached as in no collection, so it is not asked for again on every order.
  for (const id of missing) remember(keyOf(shop, id), { collectionIds: found[id] ?? [], expiresAt: now + COLLECTIONS_TTL_MS });
  return found;
}

function keyOf(shop: string, productId: string): string {
  return `${shop} ${productId}`;
}

function remember(key: string, value: Cached): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > MAX_CACHED_PRODUCTS) cache.delete(cache.keys().next().value!);
}
