import { createHmac } from "node:crypto";
import type { StandInContext } from "../context.ts";
import type { RouteHandler } from "../http/router.ts";

/**
 * App proxy `signature`: hex HMAC-SHA256 over the params sorted by key, each `key=value` (repeated keys
 * joined with ","), concatenated with no separator.
 */
export function appProxySignature(apiSecret: string, params: URLSearchParams): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const message = [...grouped.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .join("");
  return createHmac("sha256", apiSecret).update(message).digest("hex");
}

export interface ProxyRequestInput {
  shop: string;
  /** Path below the proxy's storefront prefix, e.g. "/track" for /apps/aftercare/track. */
  path?: string;
  query?: Record<string, string | string[]>;
  /** Numeric customer id when a customer is logged in to the storefront. */
  customerId?: string | null;
  timestamp?: number;
}

/** The URL Shopify requests on the app for a storefront proxy request, with Shopify's signed params. */
export function signedProxyUrl(ctx: StandInContext, input: ProxyRequestInput): string {
  const proxy = ctx.appProxy;
  if (!proxy) throw new Error("shopify.app.toml has no [app_proxy] section");
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  params.set("shop", input.shop);
  params.set("logged_in_customer_id", input.customerId ?? "");
  params.set("path_prefix", `/${proxy.prefix}/${proxy.subpath}`);
  params.set("timestamp", String(input.timestamp ?? Math.floor(Date.now() / 1000)));
  params.set("signature", appProxySignature(ctx.apiSecret, params));
  const target = new URL(proxy.url);
  const subpath = (input.path ?? "").replace(/^\/+/, "");
  target.pathname = `${target.pathname.replace(/\/+$/, "")}${subpath ? `/${subpath}` : ""}`;
  target.search = params.toString();
  return target.toString();
}

/** Cookie the demo storefront uses to act as a logged-in customer (Shopify knows it from its session). */
export const STOREFRONT_CUSTOMER_COOKIE = "sim_customer_id";

function customerFromCookie(request: Request): string | null {
  const cookie = request.headers.get("cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${STOREFRONT_CUSTOMER_COOKIE}=(\\d+)`).exec(cookie);
  return match?.[1] ?? null;
}

/**
 * `/{shop}/{prefix}/{subpath}/...`: the storefront side of the app proxy. Forwards to the app with the
 * signed params and returns the app's answer; Shopify strips cookies and does not follow redirects.
 */
export function appProxyRoute(ctx: StandInContext): RouteHandler {
  return async (request, { shop, prefix, subpath, rest }) => {
    const proxy = ctx.appProxy;
    if (!proxy || prefix !== proxy.prefix || subpath !== proxy.subpath || !ctx.store.hasShop(shop!)) {
      return new Response("Not Found", { status: 404 });
    }
    const incoming = new URL(request.url);
    const query: Record<string, string[]> = {};
    for (const [key, value] of incoming.searchParams) (query[key] ??= []).push(value);
    const target = signedProxyUrl(ctx, { shop: shop!, path: rest ?? "", query, customerId: customerFromCookie(request) });
    const headers = new Headers();
    for (const name of ["accept", "accept-language", "content-type", "user-agent"]) {
      const value = request.headers.get(name);
      if (value) headers.set(name, value);
    }
    headers.set("x-forwarded-host", shop!);
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const response = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: "manual",
    });
    const outHeaders = new Headers(response.headers);
    outHeaders.delete("set-cookie");
    outHeaders.delete("content-encoding");
    outHeaders.delete("content-length");
    // Shopify renders application/liquid inside the theme; the stand-in shows the markup as HTML.
    if (outHeaders.get("content-type")?.includes("application/liquid")) outHeaders.set("content-type", "text/html; charset=utf-8");
    return new Response(await response.arrayBuffer(), { status: response.status, headers: outHeaders });
  };
}
