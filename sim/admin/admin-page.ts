import { mintSessionToken } from "../auth/session-tokens.ts";
import type { StandInContext } from "../context.ts";
import type { RouteHandler } from "../http/router.ts";
import { BRIDGE_NAMESPACE } from "./app-bridge-script.ts";
import { embeddedLaunchUrl } from "./launch-url.ts";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

interface AdminPageInput {
  shop: string;
  shopName: string;
  appSlug: string;
  appTitle: string;
  iframeSrc: string;
  appOrigin: string;
}

function adminHtml(page: AdminPageInput): string {
  const config = JSON.stringify({ ns: BRIDGE_NAMESPACE, shop: page.shop, appSlug: page.appSlug, appOrigin: page.appOrigin });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page.appTitle)} · ${escapeHtml(page.shopName)} · Shopify</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 -apple-system, BlinkMacSystemFont, "San Francisco", "Segoe UI", Roboto, sans-serif; background: #f1f1f1; color: #303030; }
  .topbar { height: 56px; background: #1a1a1a; color: #e3e3e3; display: flex; align-items: center; padding: 0 16px; gap: 16px; }
  .topbar .logo { font-weight: 700; color: #fff; }
  .topbar .search { flex: 1; max-width: 480px; margin: 0 auto; background: #303030; border-radius: 8px; padding: 6px 12px; color: #8a8a8a; }
  .topbar .shop { background: #303030; border-radius: 8px; padding: 6px 10px; color: #fff; }
  .layout { display: flex; height: calc(100vh - 56px); }
  nav { width: 240px; background: #ebebeb; padding: 12px 8px; overflow: auto; }
  nav a { display: block; padding: 6px 10px; border-radius: 8px; color: #303030; text-decoration: none; font-weight: 550; }
  nav a:hover { background: #e3e3e3; } nav a.active { background: #fafafa; }
  nav .section { margin: 16px 10px 4px; font-size: 12px; color: #616161; font-weight: 600; }
  nav .sub a { padding-left: 28px; font-weight: 450; }
  main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  .apptitle { padding: 10px 16px; font-weight: 650; border-bottom: 1px solid #e3e3e3; background: #f1f1f1; }
  #loading { height: 3px; background: transparent; } #loading.on { background: linear-gradient(90deg, #1a1a1a 30%, transparent 30%); background-size: 200% 100%; animation: slide 1s linear infinite; }
  @keyframes slide { from { background-position: 100% 0 } to { background-position: -100% 0 } }
  iframe { flex: 1; border: 0; width: 100%; background: #f1f1f1; }
  #toasts { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); display: flex; flex-direction: column; gap: 8px; }
  .toast { background: #1a1a1a; color: #fff; padding: 10px 16px; border-radius: 10px; } .toast.error { background: #8e1f0b; }
</style></head>
<body>
<header class="topbar"><span class="logo">shopify</span><span class="search">Search</span><span class="shop" data-testid="shop-name">${escapeHtml(page.shopName)}</span></header>
<div class="layout">
  <nav aria-label="Admin">
    <a href="#">Home</a><a href="#">Orders</a><a href="#">Products</a><a href="#">Customers</a><a href="#">Analytics</a>
    <a href="/${escapeHtml(page.shop)}/checkout-surfaces" target="_blank" rel="noopener">Checkout surfaces ↗</a>
    <div class="section">Apps</div>
    <a class="active" id="app-home" href="/${escapeHtml(page.shop)}/admin/apps/${escapeHtml(page.appSlug)}">${escapeHtml(page.appTitle)}</a>
    <div class="sub" id="app-nav"></div>
  </nav>
  <main>
    <div class="apptitle" id="app-title">${escapeHtml(page.appTitle)}</div>
    <div id="loading"></div>
    <iframe id="app-iframe" name="app-iframe" title="${escapeHtml(page.appTitle)}" src="${escapeHtml(page.iframeSrc)}" allow="clipboard-write"></iframe>
  </main>
</div>
<div id="toasts" aria-live="polite"></div>
<script>
(function () {
  var config = ${config};
  var frame = document.getElementById("app-iframe");
  function reply(message) { message.ns = config.ns; frame.contentWindow.postMessage(message, config.appOrigin); }
  function mapAdminUrl(url) {
    var parsed = new URL(url, location.href);
    var store = config.shop.replace(".myshopify.com", "");
    if (parsed.host === "admin.shopify.com" && parsed.pathname.indexOf("/store/" + store) === 0) {
      return location.origin + "/" + config.shop + "/admin" + parsed.pathname.slice(("/store/" + store).length) + parsed.search;
    }
    if (parsed.host === config.shop) return location.origin + "/" + config.shop + parsed.pathname + parsed.search;
    return parsed.toString();
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source !== frame.contentWindow || event.origin !== config.appOrigin || !data || data.ns !== config.ns) return;
    switch (data.type) {
      case "idToken":
        fetch("/_sim/session-tokens", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ shop: config.shop, kind: "admin" }) })
          .then(function (r) { return r.json(); })
          .then(function (body) { reply({ type: "idToken:reply", requestId: data.requestId, token: body.token }); });
        break;
      case "location":
        history.replaceState(null, "", "/" + config.shop + "/admin/apps/" + config.appSlug + (data.path === "/" ? "" : data.path));
        break;
      case "redirect":
        location.assign(mapAdminUrl(data.url));
        break;
      case "loading":
        document.getElementById("loading").className = data.on ? "on" : "";
        break;
      case "title":
        if (data.title) document.getElementById("app-title").textContent = data.title;
        break;
      case "toast": {
        var toast = document.createElement("div");
        toast.className = "toast" + (data.isError ? " error" : "");
        toast.setAttribute("role", "status");
        toast.dataset.id = data.id;
        toast.textContent = data.message;
        document.getElementById("toasts").appendChild(toast);
        setTimeout(function () { toast.remove(); }, data.duration);
        break;
      }
      case "toast:hide":
        document.querySelectorAll('.toast[data-id="' + data.id + '"]').forEach(function (t) { t.remove(); });
        break;
      case "navMenu": {
        var container = document.getElementById("app-nav");
        container.textContent = "";
        data.items.forEach(function (item) {
          var link = document.createElement("a");
          link.textContent = item.label;
          link.href = "/" + config.shop + "/admin/apps/" + config.appSlug + item.href;
          link.addEventListener("click", function (e) { e.preventDefault(); reply({ type: "navigate", href: item.href }); });
          container.appendChild(link);
        });
        break;
      }
    }
  });
})();
</script>
</body></html>`;
}

/**
 * `GET /{shop}/admin/apps/{apiKey|handle}/...`: a page shaped like Shopify admin that embeds the app the
 * way Shopify does. Opening it installs the app (Shopify-managed installation).
 */
export function adminAppPageRoute(ctx: StandInContext, shopFrom: (params: Record<string, string>) => string): RouteHandler {
  return async (request, params) => {
    const shop = shopFrom(params);
    const app = params.app ?? "";
    if (!ctx.store.hasShop(shop) || (app !== ctx.apiKey && app !== ctx.appHandle)) return new Response("Not Found", { status: 404 });
    const state = ctx.store.state(shop);
    if (!state.shop.installed) ctx.store.installApp(shop, ctx.scopes);
    else if (state.shop.grantedScopes.length === 0) state.shop.grantedScopes = ctx.scopes;
    const idToken = await mintSessionToken({ shop }, { apiKey: ctx.apiKey, apiSecret: ctx.apiSecret, ownerUserId: state.owner().id }, new Date());
    const incoming = new URL(request.url);
    const iframeSrc = embeddedLaunchUrl({
      appUrl: ctx.appUrl,
      path: params.rest ? `/${params.rest}` : "/",
      extraQuery: incoming.searchParams,
      shop,
      idToken,
      apiSecret: ctx.apiSecret,
      locale: state.owner().locale,
    });
    const html = adminHtml({
      shop,
      shopName: state.shop.name,
      appSlug: ctx.appHandle ?? ctx.apiKey,
      appTitle: ctx.appHandle ? ctx.appHandle.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()) : "App",
      iframeSrc,
      appOrigin: new URL(ctx.appUrl).origin,
    });
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  };
}

/** Any other admin URL (orders, products …): a placeholder linking back to the app. */
export function adminPlaceholderRoute(ctx: StandInContext): RouteHandler {
  return (_request, { shop, rest }) => {
    if (!ctx.store.hasShop(shop!)) return new Response("Not Found", { status: 404 });
    const slug = ctx.appHandle ?? ctx.apiKey;
    const html = `<!doctype html><meta charset="utf-8"><title>Shopify admin stand-in</title>
<p>Shopify admin stand-in for <b>${escapeHtml(shop!)}</b>: <code>/admin/${escapeHtml(rest ?? "")}</code> is not simulated.</p>
<p><a href="/${escapeHtml(shop!)}/admin/apps/${escapeHtml(slug)}">Open the app</a></p>`;
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
  };
}
