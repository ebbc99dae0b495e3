import { UnauthenticatedError } from "~/errors";

/** A post-purchase input token that is forged, malformed, for another purchase or not Shopify's (→ 401). */
export class InvalidPostPurchaseTokenError extends UnauthenticatedError {
  override readonly code: string = "invalid_post_purchase_token";
}

/** A genuine post-purchase input token past its expiry or maximum age (→ 401; the page is simply skipped). */
export class ExpiredPostPurchaseTokenError extends InvalidPostPurchaseTokenError {
  override readonly code = "expired_post_purchase_token";
}
