/**
 * Routes Shopify API traffic for *.myshopify.com to a local stand-in when one is configured, so the same
 * app code runs offline (tests, demo) and against a real store. Installed only by configuration
 * (SHOPIFY_STANDIN_URL), never by a code path that tests alone take.
 */
export type FetchFunction = typeof fetch;

/** Rewrites https://{shop}.myshopify.com/path to {standInUrl}/{shop}.myshopify.com/path; other URLs pass. */
export function rewriteToStandIn(url: string, standInUrl: string): string {
  const parsed = new URL(url);
  if (!parsed.hostname.endsWith(".myshopify.com")) return url;
  const base = standInUrl.replace(/\/$/, "");
  return `${base}/${parsed.hostname}${parsed.pathname}${parsed.search}`;
}

export function standInFetch(standInUrl: string, inner: FetchFunction = fetch): FetchFunction {
  return (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const target = rewriteToStandIn(url, standInUrl);
    if (typeof input === "string" || input instanceof URL) return inner(target, init);
    return inner(new Request(target, input), init);
  };
}
