import { isIP } from "node:net";
import { z } from "zod";
import { authenticate } from "~/shopify.server";
import type { AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import type { Visitor } from "./analytics.server";
import { pageHrefs, storefrontPath, type PageHref } from "./storefront-links";

/** What a verified app proxy request tells us. */
export interface ProxyRequest {
  shop: string;
  /** Relative links to the other tracking pages, from this one. */
  href: PageHref;
  visitor: Visitor;
  acceptLanguage: string | null;
  /** `?locale=`, when the shopper picked a language. */
  queryLocale: string | null;
  /** The shop's Admin API, when the app holds an offline session for it. */
  admin: AdminGraphqlClient | null;
}

const proxyQuerySchema = z.object({
  shop: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/),
  path_prefix: z
    .string()
    .regex(/^(\/[\w-]+)+$/)
    .catch("/apps/track"),
  locale: z.string().max(20).nullable().catch(null),
});

const badRequest = () => new Response(undefined, { status: 400, statusText: "Bad Request" });

/** The shopper's IP: Shopify's proxy puts it first in X-Forwarded-For. "unknown" when absent or malformed. */
export function clientIpOf(request: Request): string {
  const first = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  return isIP(first) ? first : "unknown";
}

/**
 * Verifies an app proxy request with the library — the signature over the whole query and a timestamp within
 * 90 s of now; a forged, missing or stale signature throws a 400 Response — and reads what the page needs.
 */
export async function authenticateProxyRequest(request: Request): Promise<ProxyRequest> {
  const context = await authenticate.public.appProxy(request);
  const url = new URL(request.url);
  const query = proxyQuerySchema.safeParse({
    shop: url.searchParams.get("shop"),
    path_prefix: url.searchParams.get("path_prefix"),
    locale: url.searchParams.get("locale"),
  });
  if (!query.success) throw badRequest();
  return {
    shop: query.data.shop,
    href: pageHrefs(query.data.path_prefix, storefrontPath(query.data.path_prefix, url.pathname)),
    visitor: { clientIp: clientIpOf(request), userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? "" },
    acceptLanguage: request.headers.get("accept-language"),
    queryLocale: query.data.locale,
    admin: context.admin ?? null,
  };
}
