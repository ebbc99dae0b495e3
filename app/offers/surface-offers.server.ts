import type { DbClient } from "~/db.server";
import { InvalidInputError, NotFoundError, ShopifyApiError, ShopifyUserErrorsError } from "~/errors";
import { logger } from "~/logger.server";
import { type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { chooseOffer } from "./choose-offer.server";
import { codeValueOf, issueDiscountCode, liveCodeFor } from "./discount-codes.server";
import { recordOfferEvent } from "./offer-events.server";
import { getOffer } from "./offer-store.server";
import { orderFactsFromDb, type StoredOrderFacts } from "./order-facts.server";
import { cartPermalink, offerViewOf } from "./offer-view";
import { purchaseKeyOf } from "./purchase-key";
import { type ChosenOffer } from "./select";
import { type Surface } from "./offer-schema";
import type { DiscountCodeView, OfferEventRequest, OfferView, SurfaceOfferResponse } from "./surface-contract";
import type { VariantDisplay } from "./catalog.server";

/**
 * Offers on the thank-you page and the order-status page. Both link to the storefront: the discount travels
 * as a discount code made for this customer, so a guest sees the offer at full price. When a wallet checkout
 * skipped the post-purchase page (no decision for this purchase), its offer falls back to the thank-you page;
 * when the shopper did decide there, the thank-you page shows a next-order code instead.
 */

export type LinkSurface = "thank_you" | "order_status";

export interface ShopperContext {
  shop: string;
  /** The logged-in customer of the session token, or null for a guest on the thank-you page. */
  customerId: string | null;
  orderId: string;
}

/** The offer (or next-order code) for one of the shopper's orders on a link surface. */
export async function surfaceOffer(client: DbClient, admin: AdminGraphqlClient | null, context: ShopperContext, surface: LinkSurface, now = new Date()): Promise<SurfaceOfferResponse> {
  const facts = await shopperOrder(client, context);
  if (surface === "thank_you") {
    const decided = await postPurchaseDecisionFor(client, context, facts);
    if (decided) return { offer: null, discountCode: await nextOrderCode(client, admin, context, decided, now) };
  }
  const surfaces = surface === "thank_you" ? (["thank_you", "post_purchase"] as const) : (["order_status"] as const);
  const choice = await chooseOffer(client, admin, { shop: context.shop, order: facts, surfaces, now });
  const chosen = choice?.selection.offer ? choice.selection : null;
  const existingCode = surface === "order_status" && context.customerId ? await liveCodeFor(client, context.shop, context.customerId, now) : null;
  if (!chosen || !admin) return { offer: null, discountCode: existingCode };
  const offer = await linkedOffer(client, admin, context, chosen, choice!.snapshot.display[chosen.product.variantId], now);
  return { offer, discountCode: existingCode };
}

/**
 * The offer for a page that already proved access to the order (the tracking page's signed link): chosen for
 * the order's own customer, linked with that customer's code when there can be one. Counts the impression.
 */
export async function offerForOrderPage(client: DbClient, admin: AdminGraphqlClient | null, request: { shop: string; orderId: string; surface: Surface }, now = new Date()): Promise<OfferView | null> {
  const facts = await orderFactsFromDb(client, request.shop, request.orderId);
  const choice = await chooseOffer(client, admin, { shop: request.shop, order: facts, surfaces: [request.surface], now });
  const chosen = choice?.selection.offer ? choice.selection : null;
  if (!chosen || !admin) return null;
  const context = { shop: request.shop, customerId: facts.customerId, orderId: facts.id };
  const offer = await linkedOffer(client, admin, context, chosen, choice!.snapshot.display[chosen.product.variantId], now);
  await recordOfferEvent(client, { shop: request.shop, offerId: offer.offerId, armId: offer.armId || null, surface: request.surface, orderKey: facts.id, kind: "impression", now });
  return offer;
}

/** Counts an impression or click the extension reports, for an offer of this shop on the shopper's own order. */
export async function recordSurfaceEvent(client: DbClient, context: ShopperContext, event: Omit<OfferEventRequest, "orderId">, now = new Date()): Promise<void> {
  await shopperOrder(client, context);
  const { offer } = await getOffer(client, context.shop, event.offerId);
  const armKnown = offer.arms.length === 0 ? event.armId === "" : offer.arms.some((arm) => arm.id === event.armId);
  if (!armKnown) throw new InvalidInputError({ armId: ["is not an arm of this offer"] });
  // An offer's own views and clicks only count where it runs (a next-order code shows wherever its shopper is).
  const offerEvent = event.kind === "impression" || event.kind === "click";
  if (offerEvent && !offer.surfaces.includes(event.surface)) throw new InvalidInputError({ surface: ["is not a surface of this offer"] });
  await recordOfferEvent(client, { shop: context.shop, offerId: offer.id, armId: event.armId || null, surface: event.surface, orderKey: context.orderId, kind: event.kind, now });
}

/** The thank-you page's order id may be an OrderIdentity; the number is the order's. */
export function orderGidOf(id: string): string {
  return id.replace(/^gid:\/\/shopify\/OrderIdentity\//, "gid://shopify/Order/");
}

/**
 * The order, if it is this shopper's: a logged-in customer's own order, or a guest order for a guest. Anything
 * else is 404, exactly like an order that does not exist.
 */
async function shopperOrder(client: DbClient, context: ShopperContext): Promise<StoredOrderFacts> {
  const order = await orderFactsFromDb(client, context.shop, context.orderId);
  if ((order.customerId ?? null) !== context.customerId) throw new NotFoundError("Order", context.orderId);
  return order;
}

/**
 * The post-purchase decision for this order's purchase, matched by its lines and customer around the time it
 * was placed (the page follows payment within minutes; a repeat purchase of the same lines hours later is
 * another purchase).
 */
async function postPurchaseDecisionFor(client: DbClient, context: ShopperContext, facts: StoredOrderFacts) {
  const nearby = 2 * 3_600_000;
  return client.offerDecision.findFirst({
    where: {
      shop: context.shop,
      purchaseKey: purchaseKeyOf(facts.lines),
      customerId: context.customerId,
      decision: { in: ["accepted", "declined"] },
      createdAt: { gte: new Date(facts.processedAt.getTime() - nearby), lte: new Date(facts.processedAt.getTime() + nearby) },
    },
    orderBy: { createdAt: "desc" },
  });
}

async function nextOrderCode(client: DbClient, admin: AdminGraphqlClient | null, context: ShopperContext, decided: { offerId: string; armId: string }, now: Date): Promise<DiscountCodeView | null> {
  if (!context.customerId || !admin) return null;
  const { offerId } = decided;
  const offer = await getOffer(client, context.shop, offerId).then((stored) => stored.offer, () => null);
  if (!offer || !codeValueOf(offer.discount)) return null;
  return issueOrLog(() =>
    issueDiscountCode(client, admin, {
      shop: context.shop,
      offerId,
      armId: decided.armId,
      customerId: context.customerId!,
      purpose: "next_order",
      discount: offer.discount,
      title: offer.copy?.discountTitle ?? `${offer.name} — thank you`,
      now,
    }),
  );
}

/** The chosen offer as a cart link; discounted through the customer's own code when there can be one. */
async function linkedOffer(client: DbClient, admin: AdminGraphqlClient, context: ShopperContext, chosen: ChosenOffer, display: VariantDisplay | undefined, now: Date) {
  const { product } = chosen;
  // A code cannot carry a cap the engine applied, so a capped discount is not offered through a code at all.
  const capped = chosen.reasons.some((r) => r.code === "discount_capped_at_price" || r.code === "discount_capped_at_merchant_max");
  const code =
    context.customerId && codeValueOf(chosen.discount) && !capped
      ? await issueOrLog(() =>
          issueDiscountCode(client, admin, {
            shop: context.shop,
            offerId: chosen.offer.id,
            customerId: context.customerId!,
            purpose: "offer_product",
            discount: chosen.discount,
            productId: product.productId,
            title: chosen.arm?.copy?.discountTitle ?? chosen.offer.copy?.discountTitle ?? chosen.offer.name,
            now,
          }),
        )
      : null;
  const url = cartPermalink(context.shop, product.variantId, product.quantity, code?.code ?? null);
  return offerViewOf(chosen, display, { url, undiscounted: !code });
}

/** Shopify refusing a code must not take the page down: the offer shows without it, and the refusal is logged. */
async function issueOrLog(issue: () => Promise<DiscountCodeView | null>): Promise<DiscountCodeView | null> {
  try {
    return await issue();
  } catch (error) {
    if (!(error instanceof ShopifyUserErrorsError) && !(error instanceof ShopifyApiError)) throw error;
    logger.warn({ error: error.message }, "offer discount code could not be created");
    return null;
  }
}
