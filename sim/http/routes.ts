import { adminAppPageRoute, adminPlaceholderRoute } from "../admin/admin-page.ts";
import { appBridgeScript } from "../admin/app-bridge-script.ts";
import { accessTokenRoute } from "../auth/token-exchange-route.ts";
import type { StandInContext } from "../context.ts";
import { mountExtensionHost } from "../extension-host/host-pages.ts";
import { adminGraphqlRoute } from "../graphql/route.ts";
import { appProxyRoute } from "../proxy/app-proxy.ts";
import { mountControlApi, type SeedRunner } from "./control-api.ts";
import { productImageRoute } from "./product-images.ts";
import { Router } from "./router.ts";

/**
 * The stand-in's URL layout. Shopify URLs `https://{shop}{path}` are served at `/{shop}{path}` (the
 * app's fetch adapter rewrites them so), admin.shopify.com URLs at `/admin.shopify.com{path}`.
 */
export function buildRouter(ctx: StandInContext, runSeed: SeedRunner): Router {
  const router = new Router();
  // Before the control API and the app proxy, whose patterns would also match the host pages' paths.
  mountExtensionHost(router, ctx);
  mountControlApi(router, ctx, runSeed);
  const script = appBridgeScript();
  router.on("GET", "/cdn/app-bridge.js", () =>
    new Response(script, { headers: { "Content-Type": "application/javascript; charset=utf-8", "Cache-Control": "no-cache" } }),
  );
  router.on("GET", "/cdn/shop/files/:name", productImageRoute);

  router.on("POST", "/:shop/admin/api/:version/graphql.json", adminGraphqlRoute(ctx));
  router.on("POST", "/:shop/admin/oauth/access_token", accessTokenRoute(ctx));
  router.on("GET", "/:shop/admin/oauth/install", (request, { shop }) => {
    if (!ctx.store.hasShop(shop!)) return new Response("Not Found", { status: 404 });
    const requested = new URL(request.url).searchParams.get("scope");
    ctx.store.installApp(shop!, requested ? requested.split(",").filter(Boolean) : ctx.scopes);
    return Response.redirect(`${ctx.url()}/${shop}/admin/apps/${ctx.appHandle ?? ctx.apiKey}`, 302);
  });
  router.on("GET", "/:shop/admin/apps/:app/*", adminAppPageRoute(ctx, (p) => p.shop!));
  router.on("GET", "/admin.shopify.com/store/:store/apps/:app/*", adminAppPageRoute(ctx, (p) => `${p.store}.myshopify.com`));
  router.on("GET", "/store/:store/apps/:app/*", adminAppPageRoute(ctx, (p) => `${p.store}.myshopify.com`));
  router.on("GET", "/:shop/admin/*", adminPlaceholderRoute(ctx));

  const proxy = appProxyRoute(ctx);
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) router.on(method, "/:shop/:prefix/:subpath/*", proxy);
  return router;
}
