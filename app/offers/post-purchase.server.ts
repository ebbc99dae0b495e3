import type { DbClient } from "~/db.server";
import { ConflictError, ShopNotInstalledError } from "~/errors";
import { type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { changesForOffer } from "./changes-for-offer";
import { type CatalogSnapshot } from "./catalog.server";
import { chooseOffer, type OrderFacts } from "./choose-offer.server";
import { changesetForAccept, decisionsForPurchase, recordDecision, recordOfferShown, type ShownOffer } from "./decision-store.server";
import { fromMinorUnits, toMinorUnits } from "./money";
import { recordOfferEvent } from "./offer-events.server";
import { getOffer } from "./offer-store.server";
import { offerViewOf } from "./offer-view";
import { signChangeset, type VerifiedPostPurchaseInput, verifyPostPurchaseToken } from "./post-purchase-token.server";
import { purchaseKeyOf } from "./purchase-key";
import { type ChosenOffer } from "./select";
import type { PostPurchaseDecisionRequest, PostPurchaseOfferResponse, PostPurchaseSignRequest } from "./surface-contract";

/**
 * The post-purchase page's backend: every call carries Shopify's input token, verified before anything else
 * (the shop comes from the signed token, never from the request), and the reference id in the body must be
 * the one the token was issued for.
 */

export interface PostPurchaseDeps {
  client: DbClient;
  apiKey: string;
  secret: string;
  /** The shop's offline Admin API client. */
  adminFor: (shop: string) => Promise<AdminGraphqlClient>;
  now?: Date;
}

/** Verifies the bearer token for `referenceId`, and that the shop it names has the app installed. */
export async function authenticatePurchase(deps: PostPurchaseDeps, token: string, referenceId: string): Promise<VerifiedPostPurchaseInput> {
  const purchase = await verifyPostPurchaseToken({ token, secret: deps.secret, referenceId, now: deps.now });
  const shop = await deps.client.shop.findUnique({ where: { shop: purchase.shop }, select: { uninstalledAt: true } });
  if (!shop || shop.uninstalledAt) throw new ShopNotInstalledError(purchase.shop);
  return purchase;
}

/** The offer for ShouldRender/Render: none once the shopper has decided on one for this purchase. */
export async function offerForPurchase(deps: PostPurchaseDeps, purchase: VerifiedPostPurchaseInput): Promise<PostPurchaseOfferResponse> {
  const decided = (await decisionsForPurchase(deps.client, purchase.shop, purchase.referenceId)).some((row) => row.decision !== "shown");
  if (decided) return { render: false, offer: null };
  const chosen = await choose(deps, purchase);
  if (!chosen) return { render: false, offer: null };
  await recordOfferShown(deps.client, { shop: purchase.shop, referenceId: purchase.referenceId, customerId: purchase.customerId, purchaseKey: purchaseKeyOf(purchase.lineItems) }, chosen.offer);
  await recordOfferEvent(deps.client, { shop: purchase.shop, offerId: chosen.offer.offer.id, armId: chosen.offer.arm?.id ?? null, surface: "post_purchase", orderKey: purchase.referenceId, kind: "impression", now: deps.now });
  return { render: true, offer: offerViewOf(chosen.offer, chosen.snapshot.display[chosen.offer.product.variantId]) };
}

/**
 * The changeset JWT that adds the accepted offer. The first call re-checks the offer against the live catalog
 * (still in stock, same price as shown) and signs; replays return the same JWT.
 */
export async function signAcceptedOffer(deps: PostPurchaseDeps, purchase: VerifiedPostPurchaseInput, request: PostPurchaseSignRequest): Promise<string> {
  return changesetForAccept(deps.client, { shop: purchase.shop, referenceId: purchase.referenceId, offerId: request.offerId, armId: request.armId }, async (jti, shown) => {
    const chosen = await rechoose(deps, purchase, shown);
    return signChangeset({ apiKey: deps.apiKey, secret: deps.secret, referenceId: purchase.referenceId, changes: changesForOffer(chosen), now: deps.now ?? new Date(), jti });
  });
}

/** Records accept or decline once; replays change nothing. */
export async function decideOffer(deps: PostPurchaseDeps, purchase: VerifiedPostPurchaseInput, request: PostPurchaseDecisionRequest): Promise<void> {
  await recordDecision(deps.client, { shop: purchase.shop, referenceId: purchase.referenceId, offerId: request.offerId, armId: request.armId, decision: request.decision }, deps.now);
}

async function choose(deps: PostPurchaseDeps, purchase: VerifiedPostPurchaseInput, offerId?: string): Promise<{ offer: ChosenOffer; snapshot: CatalogSnapshot } | null> {
  const offers = offerId ? [(await getOffer(deps.client, purchase.shop, offerId)).offer] : undefined;
  const admin = await deps.adminFor(purchase.shop);
  const choice = await chooseOffer(deps.client, admin, { shop: purchase.shop, order: orderFactsOf(purchase), surfaces: ["post_purchase"], now: deps.now, offers });
  return choice?.selection.offer ? { offer: choice.selection, snapshot: choice.snapshot } : null;
}

/** The shown offer, chosen again now: refused when it is gone, out of stock, or would cost other than shown. */
async function rechoose(deps: PostPurchaseDeps, purchase: VerifiedPostPurchaseInput, shown: ShownOffer): Promise<ChosenOffer> {
  const chosen = (await choose(deps, purchase, shown.offerId))?.offer;
  const same =
    chosen &&
    (chosen.arm?.id ?? "") === shown.armId &&
    chosen.product.variantId === shown.variantId &&
    chosen.product.quantity === shown.quantity &&
    chosen.discountedPrice.amount === shown.discountedUnitPrice &&
    chosen.price.currencyCode === shown.currencyCode;
  if (!same) throw new ConflictError("The offer is no longer available as shown");
  return chosen;
}

/** The initial purchase as the engine sees it, from the signed token (the order may not be in our DB yet). */
function orderFactsOf(purchase: VerifiedPostPurchaseInput): OrderFacts {
  const total = purchase.totalPriceSet.shopMoney;
  return {
    id: purchase.referenceId,
    totalPrice: total.amount,
    currency: total.currencyCode,
    customerId: purchase.customerId,
    shippingCountry: purchase.destinationCountryCode,
    lines: purchase.lineItems.map((line) => ({
      productId: line.productId,
      variantId: line.variantId,
      quantity: line.quantity,
      price: unitPrice(line.totalPriceSet.shopMoney.amount, line.quantity, total.currencyCode),
    })),
  };
}

function unitPrice(lineTotal: string, quantity: number, currency: string): string {
  return fromMinorUnits(Math.floor(toMinorUnits(lineTotal, currency) / quantity), currency);
}
