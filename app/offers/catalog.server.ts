import { z } from "zod";
import { adminGraphql, type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { type Catalog } from "./selection-input";

/**
 * The catalog as it stands now, for the products an offer may add and the products in the order: one Admin
 * query per decision. A variant that is deleted, or whose product is not active, is left out of the catalog,
 * so the engine never offers it.
 */

export const OFFER_PRODUCTS_QUERY = `#graphql
  query OfferProducts($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        title
        status
        tags
        onlineStoreUrl
        featuredImage { url }
        variants(first: 50) {
          nodes { id title price inventoryQuantity image { url } }
        }
      }
    }
  }`;

const productSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  tags: z.array(z.string()),
  onlineStoreUrl: z.string().nullable(),
  featuredImage: z.object({ url: z.string() }).nullable(),
  variants: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        price: z.string(),
        inventoryQuantity: z.number().int().nullable(),
        image: z.object({ url: z.string() }).nullable(),
      }),
    ),
  }),
});

// `nodes` answers null for a deleted id and {} for an id of another type.
const productsSchema = z.object({ nodes: z.array(z.union([productSchema, z.object({}).strict(), z.null()])) });

/** What a surface shows of a variant besides its price. */
export interface VariantDisplay {
  productTitle: string;
  variantTitle: string | null;
  imageUrl: string | null;
  url: string | null;
}

export interface CatalogSnapshot {
  catalog: Catalog;
  display: Record<string, VariantDisplay>;
  /** Product id → its tags (targeting by product tags in the order). */
  productTags: Record<string, string[]>;
  /** Product id → its variants, in the merchant's order (recommendations). */
  variantsOf: Record<string, string[]>;
}

export const EMPTY_SNAPSHOT: CatalogSnapshot = { catalog: {}, display: {}, productTags: {}, variantsOf: {} };

/** Loads the given products (at most 250 ids, Shopify's limit for `nodes`) and their variants. */
export async function loadCatalog(admin: AdminGraphqlClient, productIds: readonly string[]): Promise<CatalogSnapshot> {
  const ids = [...new Set(productIds)].slice(0, 250);
  if (ids.length === 0) return EMPTY_SNAPSHOT;
  const { nodes } = await adminGraphql(admin, OFFER_PRODUCTS_QUERY, { ids }, productsSchema);
  const snapshot: CatalogSnapshot = { catalog: {}, display: {}, productTags: {}, variantsOf: {} };
  for (const node of nodes) {
    if (!node || !("id" in node)) continue;
    snapshot.productTags[node.id] = node.tags;
    if (node.status !== "ACTIVE") continue;
    snapshot.variantsOf[node.id] = node.variants.nodes.map((variant) => variant.id);
    for (const variant of node.variants.nodes) {
      snapshot.catalog[variant.id] = { productId: node.id, price: variant.price, available: variant.inventoryQuantity };
      snapshot.display[variant.id] = {
        productTitle: node.title,
        // Shopify names the only variant of a product without options "Default Title".
        variantTitle: variant.title === "Default Title" ? null : variant.title,
        imageUrl: variant.image?.url ?? node.featuredImage?.url ?? null,
        url: node.onlineStoreUrl,
      };
    }
  }
  return snapshot;
}

export const OFFER_CUSTOMER_QUERY = `#graphql
  query OfferCustomer($id: ID!) {
    customer(id: $id) { id tags numberOfOrders }
  }`;

const customerSchema = z.object({
  customer: z.object({ id: z.string(), tags: z.array(z.string()), numberOfOrders: z.union([z.string(), z.number()]).transform(Number) }).nullable(),
});

/** The customer's tags and order count, or null when Shopify no longer has the customer. */
export async function loadCustomerFacts(admin: AdminGraphqlClient, customerId: string): Promise<{ tags: string[]; ordersCount: number } | null> {
  const { customer } = await adminGraphql(admin, OFFER_CUSTOMER_QUERY, { id: customerId }, customerSchema);
  return customer ? { tags: customer.tags, ordersCount: customer.numberOfOrders } : null;
}
