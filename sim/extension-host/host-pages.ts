import { readdirSync, readFileSync } from "node:fs";
import { mintSessionToken } from "../auth/session-tokens.ts";
import { json, type StandInContext } from "../context.ts";
import type { RouteHandler, Router } from "../http/router.ts";
import { toGid } from "../store/ids.ts";
import { orderTotals } from "../store/order-math.ts";
import type { ShopState } from "../store/shop-state.ts";
import type { OrderRecord } from "../store/types.ts";
import { price } from "../webhooks/payloads/format.ts";
import type { HostConfig, HostSurface } from "./browser/host-api.ts";
import { extensionBundle, extensionFolder, hostRuntime, SURFACE_EXTENSIONS } from "./bundles.ts";

/**
 * Checkout surfaces Shopify would draw, so the demo and browser tests can see the app's UI extensions on
 * them: a thank-you page and a customer-account order-status page for a store order, each with the
 * extension's block in a frame of its own (the extension renders into its whole document, as in Shopify's
 * sandbox). The frame loads the real extension bundle with a `shopify` global whose session tokens the
 * stand-in mints, so the extension calls the real app backend.
 */

const HTML = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
const JS = { "Content-Type": "application/javascript; charset=utf-8", "Cache-Control": "no-cache" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const notFound = (what: string) => new Response(`<!doctype html><meta charset="utf-8"><p>${escapeHtml(what)} not found</p>`, { status: 404, headers: HTML });

/** The paths of an order's two surfaces on the stand-in. */
export function surfacePaths(shop: string, order: OrderRecord) {
  return { thankYou: `/${shop}/checkouts/c/${order.token}/thank-you`, orderStatus: `/${shop}/account/orders/${order.id}` };
}

/** The extension's strings for the buyer's locale over its default locale file, as Shopify merges them. */
function translationsFor(handle: string, locale: string): Record<string, unknown> {
  const dir = `${extensionFolder(handle)}/locales`;
  const files = readdirSync(dir);
  const read = (file: string | undefined) => (file ? (JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as Record<string, unknown>) : {});
  const language = locale.split("-")[0]!.toLowerCase();
  const exact = files.find((file) => file.replace(/(\.default)?\.json$/, "").toLowerCase() === locale.toLowerCase());
  const byLanguage = files.find((file) => file.replace(/(\.default)?\.json$/, "").toLowerCase() === language);
  return { ...read(files.find((file) => file.endsWith(".default.json"))), ...read(byLanguage), ...read(exact) };
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><link rel="icon" href="data:,">
<style>
  body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: #f6f6f7; color: #1a1a1a; }
  header { background: #fff; border-bottom: 1px solid #e3e3e3; padding: 14px 32px; font-weight: 600; }
  main { max-width: 720px; margin: 24px auto; padding: 0 16px; display: flex; flex-direction: column; gap: 16px; }
  .card { background: #fff; border: 1px solid #e3e3e3; border-radius: 12px; padding: 16px 20px; }
  .note { color: #6d7175; font-size: 13px; } table { width: 100%; border-collapse: collapse; } td { padding: 6px 4px; border-top: 1px solid #eee; }
  iframe { width: 100%; border: 0; min-height: 40px; display: block; }
</style></head><body>${body}</body></html>`;
}

function orderSummary(state: ShopState, order: OrderRecord): string {
  const lines = order.lineItems
    .map((line) => `<tr><td>${line.quantity} × ${escapeHtml(line.title)}${line.variantTitle ? ` — ${escapeHtml(line.variantTitle)}` : ""}</td><td align="right">${price(line.price * line.quantity)} ${order.currency}</td></tr>`)
    .join("");
  return `<section class="card"><h2>Order ${escapeHtml(order.name)}</h2><table>${lines}<tr><td><b>Total</b></td><td align="right"><b>${price(orderTotals(state, order).total)} ${order.currency}</b></td></tr></table></section>`;
}

/** The block's frame, sized to what the extension draws. */
function extensionFrame(shop: string, surface: HostSurface, order: OrderRecord): string {
  const handle = SURFACE_EXTENSIONS[surface];
  return `<section aria-label="App block: ${handle}"><iframe title="${handle}" src="/${shop}/extension-host/${surface}/${order.id}"
    onload="var f=this;new ResizeObserver(function(){f.style.height=f.contentDocument.documentElement.scrollHeight+'px'}).observe(f.contentDocument.body)"></iframe>
  <p class="note">Above: the app's <code>${handle}</code> extension, bundled as Shopify builds it, calling the app with a session token minted by the stand-in.</p></section>`;
}

function customerOf(state: ShopState, order: OrderRecord) {
  return order.customerId ? (state.customers.get(order.customerId) ?? null) : null;
}

/** `/{shop}/checkouts/c/{token}/thank-you`: the thank-you page of the checkout that placed the order. */
function thankYouPage(ctx: StandInContext): RouteHandler {
  return (_request, { shop, token }) => {
    if (!ctx.store.hasShop(shop!)) return notFound("Shop");
    const state = ctx.store.state(shop!);
    const order = [...state.orders.values()].find((candidate) => candidate.token === token);
    if (!order) return notFound("Checkout");
    const customer = customerOf(state, order);
    const body = `<header>${escapeHtml(state.shop.name)} · Checkout</header><main>
  <section class="card"><p class="note">Confirmation #${escapeHtml(order.token.slice(0, 9).toUpperCase())}</p><h1>Thank you${customer?.firstName ? `, ${escapeHtml(customer.firstName)}` : ""}!</h1></section>
  ${orderSummary(state, order)}
  ${extensionFrame(shop!, "thank_you", order)}
</main>`;
    return new Response(page(`Thank you · ${state.shop.name}`, body), { headers: HTML });
  };
}

/** `/{shop}/account/orders/{id}`: the order-status page of customer accounts, as the order's customer. */
function orderStatusPage(ctx: StandInContext): RouteHandler {
  return (_request, { shop, order: orderId }) => {
    if (!ctx.store.hasShop(shop!)) return notFound("Shop");
    const state = ctx.store.state(shop!);
    const order = state.orders.get(orderId!);
    if (!order) return notFound("Order");
    const customer = customerOf(state, order);
    const block = customer
      ? extensionFrame(shop!, "order_status", order)
      : `<section class="card"><p>This is a guest order: the order-status page of customer accounts needs a logged-in customer.</p></section>`;
    const body = `<header>${escapeHtml(state.shop.name)} · Customer account${customer ? ` · ${escapeHtml([customer.firstName, customer.lastName].filter(Boolean).join(" "))}` : ""}</header><main>
  ${orderSummary(state, order)}
  ${block}
</main>`;
    return new Response(page(`Order ${order.name} · ${state.shop.name}`, body), { headers: HTML });
  };
}

function surfaceOf(value: string | undefined): HostSurface | null {
  return value === "thank_you" || value === "order_status" ? value : null;
}

/** `/{shop}/extension-host/{surface}/{order}`: the extension's own document inside the page's frame. */
function extensionDocument(ctx: StandInContext): RouteHandler {
  return (_request, { shop, surface: rawSurface, order: orderId }) => {
    const surface = surfaceOf(rawSurface);
    if (!surface || !ctx.store.hasShop(shop!)) return notFound("Extension host");
    const state = ctx.store.state(shop!);
    const order = state.orders.get(orderId!);
    if (!order) return notFound("Order");
    const handle = SURFACE_EXTENSIONS[surface];
    const base = `/${shop}/extension-host/${surface}/${order.id}`;
    const config: HostConfig = {
      surface,
      orderId: toGid("Order", order.id),
      orderName: order.name,
      locale: order.customerLocale,
      translations: translationsFor(handle, order.customerLocale),
      sessionTokenUrl: `${base}/session-token`,
    };
    const script = `import { runExtension } from "/_sim/extension-host/runtime.js";
runExtension(${JSON.stringify(config).replace(/</g, "\\u003c")}, "/_sim/extension-host/extensions/${handle}.js");`;
    const html = `<!doctype html><html lang="${escapeHtml(order.customerLocale)}"><head><meta charset="utf-8"><title>${handle}</title><link rel="icon" href="data:,">
<style>body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; }</style>
<script type="module">${script}</script></head><body></body></html>`;
    return new Response(html, { headers: HTML });
  };
}

/**
 * POST `…/session-token`: a fresh token for the extension, as Shopify mints one per `sessionToken.get()`:
 * signed with the app secret, `dest` the shop, `sub` the order's customer (a guest's thank-you page has none).
 */
function sessionToken(ctx: StandInContext): RouteHandler {
  return async (_request, { shop, surface: rawSurface, order: orderId }) => {
    const surface = surfaceOf(rawSurface);
    if (!surface || !ctx.store.hasShop(shop!)) return json({ error: "not_found" }, 404);
    const state = ctx.store.state(shop!);
    const order = state.orders.get(orderId!);
    if (!order) return json({ error: "not_found" }, 404);
    if (surface === "order_status" && !order.customerId) return json({ error: "not_logged_in" }, 401);
    const token = await mintSessionToken(
      { kind: "customer-account", shop: shop!, customerId: order.customerId ?? undefined },
      { apiKey: ctx.apiKey, apiSecret: ctx.apiSecret, ownerUserId: state.owner().id },
      new Date(),
    );
    return json({ token }, 200, { "Cache-Control": "no-store" });
  };
}

/** `/{shop}/checkout-surfaces`: the latest orders with links to their thank-you and order-status pages. */
function surfacesIndex(ctx: StandInContext): RouteHandler {
  return (_request, { shop }) => {
    if (!ctx.store.hasShop(shop!)) return notFound("Shop");
    const state = ctx.store.state(shop!);
    const orders = [...state.orders.values()].sort((a, b) => b.processedAt.getTime() - a.processedAt.getTime()).slice(0, 25);
    const rows = orders
      .map((order) => {
        const paths = surfacePaths(shop!, order);
        const customer = customerOf(state, order);
        const who = customer ? escapeHtml([customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.email || "customer") : "guest";
        return `<tr><td>${escapeHtml(order.name)}</td><td>${who}</td><td align="right">${price(orderTotals(state, order).total)} ${order.currency}</td>
<td><a href="${paths.thankYou}">Thank-you page</a></td><td>${customer ? `<a href="${paths.orderStatus}">Order status page</a>` : ""}</td></tr>`;
      })
      .join("");
    const body = `<header>${escapeHtml(state.shop.name)} · Checkout surfaces</header><main><section class="card">
<p>Shopify draws these pages; the stand-in draws a plain version of each with the app's UI extension blocks on it.</p>
<table><tr><th align="left">Order</th><th align="left">Customer</th><th align="right">Total</th><th></th><th></th></tr>${rows}</table></section></main>`;
    return new Response(page(`Checkout surfaces · ${state.shop.name}`, body), { headers: HTML });
  };
}

/** Mounts the host pages and their scripts; before the app proxy's catch-all. */
export function mountExtensionHost(router: Router, ctx: StandInContext): void {
  router.on("GET", "/_sim/extension-host/runtime.js", async () => new Response(await hostRuntime(), { headers: JS }));
  router.on("GET", "/_sim/extension-host/extensions/:file", async (_request, { file }) => {
    const handle = file!.replace(/\.js$/, "");
    if (!extensionFolder(handle)) return new Response("Not Found", { status: 404 });
    return new Response(await extensionBundle(handle, ctx.appUrl), { headers: JS });
  });
  router.on("GET", "/:shop/checkout-surfaces", surfacesIndex(ctx));
  router.on("GET", "/:shop/checkouts/c/:token/thank-you", thankYouPage(ctx));
  router.on("GET", "/:shop/account/orders/:order", orderStatusPage(ctx));
  router.on("GET", "/:shop/extension-host/:surface/:order", extensionDocument(ctx));
  router.on("POST", "/:shop/extension-host/:surface/:order/session-token", sessionToken(ctx));
}
