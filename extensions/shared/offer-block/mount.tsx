/** @jsxImportSource preact */
import { render } from "preact";
import { APP_URL } from "../app-url";
import type { BlockSurface, OfferBlockApi } from "./contract";
import { OfferBlock } from "./OfferBlock";

/** The part of both targets' APIs (checkout thank-you and customer-account order status) the block reads. */
export interface HostApi {
  sessionToken: { get(): Promise<string> };
  i18n: {
    translate(key: string, options?: Record<string, unknown>): unknown;
    formatCurrency(number: number, options?: Intl.NumberFormatOptions): string;
    formatDate(date: Date, options?: Intl.DateTimeFormatOptions): string;
  };
}

/** The block's view of a host API: the order's id, the session token and the buyer's locale. */
export function offerBlockApi(api: HostApi, orderId: string | undefined): OfferBlockApi {
  return {
    orderId,
    getSessionToken: () => api.sessionToken.get(),
    translate: (key, replacements) => String(api.i18n.translate(key, replacements)),
    // Display only: the amount stays decimal text everywhere else.
    formatMoney: (money) => api.i18n.formatCurrency(Number(money.amount), { style: "currency", currency: money.currencyCode }),
    formatDate: (date, options) => api.i18n.formatDate(date, options),
  };
}

/** Renders the offer block for one surface into the extension's document. */
export function mountOfferBlock(api: HostApi, orderId: string | undefined, surface: BlockSurface): void {
  render(<OfferBlock api={offerBlockApi(api, orderId)} appUrl={APP_URL} surface={surface} />, document.body);
}
