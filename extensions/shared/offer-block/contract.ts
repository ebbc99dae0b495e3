/**
 * The offer endpoints' wire types, imported from the server as types only (the bundle carries no server
 * code and the two sides cannot drift), plus the part of the extension API the offer block uses.
 */
import type { MoneyView } from "../../../app/offers/surface-contract";

export type { DiscountCodeView, MoneyView, OfferEventRequest, OfferView, SurfaceOfferResponse } from "../../../app/offers/surface-contract";

/** The two block surfaces that ask GET /api/offers for an offer. */
export type BlockSurface = "thank_you" | "order_status";

/** What the block needs from its target's API, so tests can hand it a fake. */
export interface OfferBlockApi {
  orderId: string | undefined;
  getSessionToken(): Promise<string>;
  translate(key: string, replacements?: Record<string, string | number>): string;
  formatMoney(money: MoneyView): string;
  formatDate(date: Date, options?: Intl.DateTimeFormatOptions): string;
}
