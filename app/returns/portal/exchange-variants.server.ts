import { z } from "zod";
import { adminGraphql, type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import type { ExchangeItem } from "../request-schema";
import type { ReturnOrder } from "../order-schema";
import type { Draft } from "./draft";
import type { VariantOption } from "./step-forms";

/** The variants of the returned products with live inventory, in one call for every product of the return. */
export const EXCHANGE_VARIANTS_QUERY = `#graphql
  query ReturnPortalExchangeVariants($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        title
        variants(first: 100) { nodes { id title price inventoryQuantity } }
      }
    }
  }`;

const variantsSchema = z.object({
  nodes: z.array(
    z
      .object({
        id: z.string().optional(),
        title: z.string().optional(),
        variants: z.object({ nodes: z.array(z.object({ id: z.string(), title: z.string(), price: z.string(), inventoryQuantity: z.number().int().nullable() })) }).optional(),
      })
      .nullable(),
  ),
});

/** Per returned line, the variants of its product it can be exchanged for (any variant, the same one too). */
export type ExchangeOptions = ReadonlyMap<string, VariantOption[]>;

/** Loads exchange options for the draft's lines from the Admin API; lines of custom items get none. */
export async function loadExchangeOptions(admin: AdminGraphqlClient, order: ReturnOrder, draft: Draft): Promise<ExchangeOptions> {
  const productOf = new Map(order.lines.map((line) => [line.lineItemId, line.productId]));
  const productIds = [...new Set(draft.items.map((item) => productOf.get(item.lineItemId)).filter((id): id is string => Boolean(id)))];
  if (productIds.length === 0) return new Map();
  const data = await adminGraphql(admin, EXCHANGE_VARIANTS_QUERY, { ids: productIds }, variantsSchema);
  const byProduct = new Map<string, VariantOption[]>();
  for (const product of data.nodes) {
    if (!product?.id || !product.variants) continue;
    byProduct.set(
      product.id,
      product.variants.nodes.map((variant) => ({
        productId: product.id!,
        variantId: variant.id,
        productTitle: product.title ?? "",
        title: variant.title,
        price: variant.price,
        available: variant.inventoryQuantity,
        availableForSale: variant.inventoryQuantity === null || variant.inventoryQuantity > 0,
      })),
    );
  }
  return new Map(draft.items.map((item) => [item.lineItemId, byProduct.get(productOf.get(item.lineItemId) ?? "") ?? []]));
}

/** The engine's exchange items for the chosen variants, priced from the catalogue (never from the form). */
export function exchangeItemsOf(draft: Draft, options: ExchangeOptions): ExchangeItem[] {
  return (draft.exchange ?? []).flatMap((choice) => {
    const option = options.get(choice.lineItemId)?.find((candidate) => candidate.variantId === choice.variantId);
    const quantity = draft.items.find((item) => item.lineItemId === choice.lineItemId)?.quantity;
    if (!option || !quantity) return [];
    return [{ productId: option.productId, variantId: option.variantId, title: `${option.productTitle} — ${option.title}`, unitPrice: option.price, quantity }];
  });
}
