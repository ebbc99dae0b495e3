import { db, type DbClient } from "~/db.server";
import { DEFAULT_SHOP_SETTINGS } from "~/shops/settings";
import { recordMarketingClick, recordPageView } from "./analytics.server";
import { choosePageLocale } from "./locale";
import { lookupInputSchema } from "./lookup-input";
import { buildMarketingView } from "./marketing.server";
import { translator } from "./messages";
import { findOrderForLookup } from "./order-lookup.server";
import { loadOrderPageRows } from "./order-page-data.server";
import { authenticateProxyRequest, type ProxyRequest } from "./proxy-request.server";
import { consumeRateLimit, LOOKUP_RATE_LIMIT } from "./rate-limit.server";
import { dateFormats } from "./render/dates";
import type { PageFrame } from "./render/frame";
import type { LookupNotice } from "./render/LookupPage";
import { hasMarketingContent } from "./render/MarketingBlock";
import { renderLookupPage, renderOrderPage } from "./render/render-page";
import { loadShopPage, type ShopPage } from "./shop-page.server";
import { verifyClickLink, verifyOrderLink } from "./signed-links.server";
import { buildOrderView, type OrderPageRows } from "./view-model";
import { shopperTimeZone } from "~/orders/shopper-time-zone";

const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  // Order pages are personal and their URLs carry a bearer token: never cached, never sent on as a Referer.
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
};

/** A shopper's page (tracking, returns portal): personal, never cached, never indexed, no Referer. */
export function html(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { ...PAGE_HEADERS, ...headers } });
}

/** The page frame (shop, language, branding, links) for a proxied page; the return portal shares it. */
export function frameFor(proxy: ProxyRequest, shopPage: ShopPage | null, orderLocale: string | null = null, bodyLocale: string | null = null): PageFrame {
  const locale = choosePageLocale({
    query: bodyLocale ?? proxy.queryLocale,
    orderLocale,
    acceptLanguage: proxy.acceptLanguage,
    shopDefault: shopPage?.settings.locale.defaultLocale,
  });
  return {
    shopName: shopPage?.name ?? proxy.shop.replace(/\.myshopify\.com$/, ""),
    locale,
    t: translator(locale),
    branding: (shopPage?.settings ?? DEFAULT_SHOP_SETTINGS).branding,
    headline: shopPage?.page.headline ?? null,
    href: proxy.href,
    contactEmail: shopPage?.contactEmail ?? null,
    returnsUrl: shopPage?.settings.returns.enabled ? proxy.href("returns") : null,
  };
}

/**
 * Every failed attempt to reach an order — unknown order, wrong email, another shop's order, a tampered,
 * expired or foreign link — gets exactly this response, so none of them tells an attacker anything.
 */
function notFound(proxy: ProxyRequest, shopPage: ShopPage | null, notice: LookupNotice, bodyLocale: string | null = null): Response {
  return html(renderLookupPage(frameFor(proxy, shopPage, null, bodyLocale), notice), 404);
}

/** GET /apps/track: the look-up form. */
export async function showLookupForm(request: Request): Promise<Response> {
  const proxy = await authenticateProxyRequest(request);
  const shopPage = await loadShopPage(db(), proxy.shop);
  return html(renderLookupPage(frameFor(proxy, shopPage)));
}

/**
 * POST /apps/track/lookup (order number + email): rate-limited per shopper and shop; a match shows the order's
 * page, anything else answers like every other miss. The page is the POST's answer rather than a redirect:
 * Remix rewrites relative redirect locations into the app's own /proxy paths, which the storefront cannot reach.
 */
export async function lookUpOrder(request: Request): Promise<Response> {
  const client = db();
  const proxy = await authenticateProxyRequest(request);
  const form = await request.formData().catch(() => new FormData());
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const bodyLocale = field("locale")?.slice(0, 20) ?? null;
  const [shopPage, verdict] = await Promise.all([
    loadShopPage(client, proxy.shop),
    consumeRateLimit(client, proxy.shop, proxy.visitor.clientIp, LOOKUP_RATE_LIMIT),
  ]);
  if (!verdict.allowed) {
    return html(renderLookupPage(frameFor(proxy, shopPage, null, bodyLocale), "rateLimited"), 429, { "Retry-After": String(verdict.retryAfterSeconds) });
  }
  const input = lookupInputSchema.safeParse({ order: field("order"), trackingNumber: field("trackingNumber"), email: field("email") });
  const orderId = input.success && shopPage ? await findOrderForLookup(client, proxy.shop, input.data) : null;
  const rows = orderId && shopPage ? await loadOrderPageRows(client, proxy.shop, orderId) : null;
  if (!rows || !shopPage) return notFound(proxy, shopPage, "notFound", bodyLocale);
  return orderPage(client, proxy, shopPage, rows, bodyLocale);
}

/** GET /apps/track/o/<token>: an order's tracking page from a signed link. */
export async function showOrderPage(request: Request, token: string): Promise<Response> {
  const client = db();
  const proxy = await authenticateProxyRequest(request);
  const link = await verifyOrderLink(token, proxy.shop);
  const [shopPage, rows] = await Promise.all([loadShopPage(client, proxy.shop), link ? loadOrderPageRows(client, proxy.shop, link.orderId) : null]);
  if (!rows || !shopPage) return notFound(proxy, shopPage, "linkInvalid");
  return orderPage(client, proxy, shopPage, rows);
}

async function orderPage(client: DbClient, proxy: ProxyRequest, shopPage: ShopPage, rows: OrderPageRows, bodyLocale: string | null = null): Promise<Response> {
  const frame = frameFor(proxy, shopPage, rows.order.locale, bodyLocale);
  const order = buildOrderView(rows);
  const marketing = await buildMarketingView({
    shop: proxy.shop,
    orderId: order.orderId,
    productIds: order.productIds,
    settings: shopPage.page.marketing,
    admin: proxy.admin,
    href: proxy.href,
    locale: frame.locale,
    currencyCode: shopPage.currencyCode,
  });
  const shown = hasMarketingContent(marketing) ? marketing : null;
  // The view is written while the page renders.
  const recorded = recordPageView(client, { shop: proxy.shop, orderId: order.orderId, visitor: proxy.visitor, marketingShown: shown !== null });
  // Dates in the shopper's zone, from the shipping country (the page has no script to ask the browser).
  const timeZone = shopperTimeZone(rows.order.shippingCountry, { timeZone: shopPage.timeZone });
  const body = renderOrderPage(frame, order, dateFormats(frame.locale, timeZone), shown);
  await recorded;
  return html(body);
}

/** GET /apps/track/r/<token>: counts a marketing click and sends the shopper on. */
export async function followMarketingLink(request: Request, token: string): Promise<Response> {
  const client = db();
  const proxy = await authenticateProxyRequest(request);
  const click = await verifyClickLink(token, proxy.shop);
  if (!click) return notFound(proxy, await loadShopPage(client, proxy.shop), "linkInvalid");
  await recordMarketingClick(client, { shop: proxy.shop, orderId: click.orderId, visitor: proxy.visitor, target: click.target });
  return new Response(null, { status: 303, headers: { Location: click.url, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}
