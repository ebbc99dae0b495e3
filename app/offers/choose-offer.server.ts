import type { DbClient } from "~/db.server";
import { type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { recommendedProducts } from "~/tracking-page/recommendations.server";
import { type CatalogSnapshot, EMPTY_SNAPSHOT, loadCatalog, loadCustomerFacts } from "./catalog.server";
import { loadOfferHistory } from "./offer-history.server";
import { type Offer, type ProductSource, type Surface } from "./offer-schema";
import { loadActiveOffers } from "./offer-store.server";
import { collectionsOfProducts } from "./product-collections.server";
import { type OfferSelection, selectOffer } from "./select";
import { offerOrderSchema, type OfferOrder, type Recommendation } from "./selection-input";
import { ruleUses } from "./targeting";

/** An order as our side knows it, before the catalog and the customer's Shopify record fill in the rest. */
export interface OrderFacts {
  id: string;
  totalPrice: string;
  currency: string;
  lines: Array<{ productId: string | null; variantId: string | null; quantity: number; price: string }>;
  customerId: string | null;
  shippingCountry: string | null;
  /** The codes the shopper used (none known on the post-purchase page: its input does not carry them). */
  discountCodes?: string[];
}

export interface ChooseOfferRequest {
  shop: string;
  order: OrderFacts;
  /** Tried in order: the first that yields an offer wins (the thank-you page falls back to post-purchase offers). */
  surfaces: readonly Surface[];
  now?: Date;
  /** The offers to choose from; the shop's active offers when absent (the admin simulator passes all of them). */
  offers?: readonly Offer[];
}

export interface OfferChoice {
  selection: OfferSelection;
  surface: Surface;
  snapshot: CatalogSnapshot;
  order: OfferOrder;
}

/**
 * Runs the engine for an order: loads the candidate offers, the live catalog of every product they or the
 * order name (stock, deleted variants), the ordered products' collections when an offer targets collections,
 * the customer's tags and order count, and the offers' history.
 * Without an Admin API client nothing can be checked for stock, so nothing is offered.
 */
export async function chooseOffer(client: DbClient, admin: AdminGraphqlClient | null, request: ChooseOfferRequest): Promise<OfferChoice | null> {
  const offers = request.offers ?? (await loadActiveOffers(client, request.shop));
  if (offers.length === 0 || !admin) return null;
  const now = request.now ?? new Date();
  const orderProductIds = request.order.lines.flatMap((line) => (line.productId ? [line.productId] : []));
  const sources = offers.flatMap((offer) => [offer.product, ...offer.arms.flatMap((arm) => (arm.product ? [arm.product] : []))]);

  const related = sources.some((source) => source.kind === "recommended") ? await recommendedProducts(admin, request.shop, orderProductIds, { limit: 5 }) : [];
  const needsCollections = offers.some((offer) => ruleUses(offer.targeting, "collections_in_order"));
  const [snapshot, collections, customer, history] = await Promise.all([
    loadCatalog(admin, [...orderProductIds, ...fixedProductIds(sources), ...related.map((product) => product.productId)]),
    needsCollections ? collectionsOfProducts(admin, request.shop, orderProductIds) : ({} as Record<string, string[]>),
    request.order.customerId ? loadCustomerFacts(admin, request.order.customerId) : null,
    loadOfferHistory(client, request.shop, request.order.customerId, request.order.currency),
  ]);
  const recommendations: Recommendation[] = related.flatMap((product) => {
    const variantIds = snapshot.variantsOf[product.productId] ?? [];
    return variantIds.length ? [{ productId: product.productId, variantIds }] : [];
  });
  const order = offerOrderSchema.parse({
    id: request.order.id,
    totalPrice: request.order.totalPrice,
    currency: request.order.currency,
    lines: request.order.lines.map((line) => ({
      ...line,
      tags: line.productId ? (snapshot.productTags[line.productId] ?? []) : [],
      collectionIds: line.productId ? (collections[line.productId] ?? []) : [],
    })),
    customer: { ...(request.order.customerId ? { id: request.order.customerId } : {}), tags: customer?.tags ?? [], ordersCount: customer?.ordersCount ?? 0 },
    shippingCountry: request.order.shippingCountry,
    discountCodes: request.order.discountCodes ?? [],
  });

  let last: OfferChoice | null = null;
  for (const surface of request.surfaces) {
    const selection = selectOffer({ offers, order, catalog: snapshot.catalog, recommendations, history, surface, now });
    last = { selection, surface, snapshot, order };
    if (selection.offer) return last;
  }
  return last ?? { selection: { offer: null, rejections: [] }, surface: request.surfaces[0] ?? "post_purchase", snapshot: EMPTY_SNAPSHOT, order };
}

function fixedProductIds(sources: readonly ProductSource[]): string[] {
  return sources.flatMap((source) => (source.kind === "fixed" ? [source.productId] : []));
}
