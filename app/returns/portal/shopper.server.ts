import { db } from "~/db.server";
import type { PageLocale } from "~/tracking-page/messages";
import { authenticateProxyRequest, type ProxyRequest } from "~/tracking-page/proxy-request.server";
import type { PageFrame } from "~/tracking-page/render/frame";
import { loadShopPage, type ShopPage } from "~/tracking-page/shop-page.server";
import { storefrontPath } from "~/tracking-page/storefront-links";
import { frameFor } from "~/tracking-page/tracking-page.server";
import { portalTranslator, type PortalTranslate } from "./messages";

/** A storefront visitor of the return portal, as Shopify's app proxy vouches for them. */
export interface Shopper {
  proxy: ProxyRequest;
  /** The logged-in customer's gid, or null for a visitor who is not logged in. */
  customerId: string | null;
  shopPage: ShopPage | null;
  frame: PageFrame;
  t: PortalTranslate;
  locale: PageLocale;
  /** The storefront's login page, coming back to this page afterwards. */
  loginUrl: string;
}

const CUSTOMER_ID = /^[1-9]\d{0,19}$/;
const PATH_PREFIX = /^(\/[\w-]+)+$/;

/**
 * Verifies the proxy request (signature over the whole query, so `logged_in_customer_id` is Shopify's word,
 * not the visitor's) and reads who is asking. `bodyLocale` is the language a posted form was shown in.
 */
export async function authenticateShopper(request: Request, bodyLocale: string | null = null): Promise<Shopper> {
  const proxy = await authenticateProxyRequest(request);
  const url = new URL(request.url);
  const legacyCustomerId = url.searchParams.get("logged_in_customer_id") ?? "";
  const shopPage = await loadShopPage(db(), proxy.shop);
  const frame = frameFor(proxy, shopPage, null, bodyLocale);
  const prefix = url.searchParams.get("path_prefix") ?? "";
  const here = storefrontPath(PATH_PREFIX.test(prefix) ? prefix : "/apps/track", url.pathname);
  return {
    proxy,
    customerId: CUSTOMER_ID.test(legacyCustomerId) ? `gid://shopify/Customer/${legacyCustomerId}` : null,
    shopPage,
    frame,
    t: portalTranslator(frame.locale),
    locale: frame.locale,
    loginUrl: `/account/login?return_url=${encodeURIComponent(here)}`,
  };
}
