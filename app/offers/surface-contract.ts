/**
 * The wire contract between the offer endpoints and the extensions that show offers (post-purchase page,
 * thank-you block, order-status block). Extensions import these as types only, so their bundles carry no
 * server code and the two sides cannot drift.
 *
 * Endpoints (all JSON, CORS-enabled for extension origins):
 * - POST /api/post-purchase/offer      Authorization: Bearer <inputData.token>; body PostPurchaseOfferRequest
 *                                      → PostPurchaseOfferResponse (401 on a forged/expired token)
 * - POST /api/post-purchase/sign       Authorization: Bearer <inputData.token>; body PostPurchaseSignRequest
 *                                      → PostPurchaseSignResponse (the changeset JWT for applyChangeset)
 * - POST /api/post-purchase/decision   Authorization: Bearer <inputData.token>; body PostPurchaseDecisionRequest
 *                                      → 204 (records accept/decline once per reference id and offer)
 * - GET  /api/offers?surface=thank_you|order_status&orderId=<gid>
 *                                      Authorization: Bearer <session token>  → SurfaceOfferResponse
 * - POST /api/offers/events            Authorization: Bearer <session token>; body OfferEventRequest → 204
 */

export type OfferSurfaceName = "post_purchase" | "thank_you" | "order_status" | "tracking_page";

/** Money as exact decimal text in the shop's currency. */
export interface MoneyView {
  amount: string;
  currencyCode: string;
}

/** What a shopper sees of an offer: already localised by the server where it holds copy. */
export interface OfferView {
  /** Opaque id of the offer and its A/B arm, echoed back on sign/decision/event calls. */
  offerId: string;
  armId: string;
  title: string;
  body: string | null;
  product: {
    productId: string;
    variantId: string;
    title: string;
    variantTitle: string | null;
    imageUrl: string | null;
    /** Storefront URL of the product (thank-you/order-status surfaces link there). */
    url: string | null;
  };
  quantity: number;
  originalPrice: MoneyView;
  discountedPrice: MoneyView;
  /** "15% off", "Free shipping" …; null when the offer has no discount. */
  discountLabel: string | null;
}

/** A next-order incentive created through the Admin API: unique per customer and expiring. */
export interface DiscountCodeView {
  /** The offer and A/B arm the code was issued for, echoed back on its events ("" arm: no experiment). */
  offerId: string;
  armId: string;
  code: string;
  title: string;
  /** "15% off your next order" */
  label: string;
  endsAt: string;
}

export interface PostPurchaseOfferRequest {
  referenceId: string;
}

export interface PostPurchaseOfferResponse {
  /** false: ShouldRender must answer render=false (no eligible offer, or already decided for this reference). */
  render: boolean;
  offer: OfferView | null;
}

export interface PostPurchaseSignRequest {
  referenceId: string;
  offerId: string;
  armId: string;
}

export interface PostPurchaseSignResponse {
  token: string;
}

export interface PostPurchaseDecisionRequest {
  referenceId: string;
  offerId: string;
  armId: string;
  decision: "accepted" | "declined";
}

export interface SurfaceOfferResponse {
  offer: OfferView | null;
  discountCode: DiscountCodeView | null;
}

/**
 * impression / click: the offer was shown / its product link followed. code_impression / code_copy: the
 * next-order code was shown / copied; counted apart so a code does not dilute the offer's conversion.
 */
export type OfferEventKind = "impression" | "click" | "code_impression" | "code_copy";

export interface OfferEventRequest {
  surface: OfferSurfaceName;
  orderId: string;
  offerId: string;
  armId: string;
  kind: OfferEventKind;
}
