import { appProxySignature } from "../../../sim/proxy/app-proxy";

/** Builds requests as Shopify's app proxy forwards them: the storefront query plus Shopify's signed params. */

export interface ProxyRequestOptions {
  query?: Record<string, string>;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Signs with another secret (a forgery). */
  secret?: string;
  /** Leaves the signature out. */
  unsigned?: boolean;
  method?: "GET" | "POST";
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

/** A request to the app's `/proxy{path}` for `shop`, signed like Shopify signs app proxy requests. */
export function proxyRequest(shop: string, path: string, options: ProxyRequestOptions = {}): Request {
  const params = new URLSearchParams(options.query);
  params.set("shop", shop);
  params.set("logged_in_customer_id", "");
  params.set("path_prefix", "/apps/track");
  params.set("timestamp", String(options.timestamp ?? Math.floor(Date.now() / 1000)));
  if (!options.unsigned) params.set("signature", appProxySignature(options.secret ?? process.env.SHOPIFY_API_SECRET!, params));
  const url = new URL(`/proxy${path}`, process.env.SHOPIFY_APP_URL);
  url.search = params.toString();
  const headers = new Headers({ "user-agent": "Mozilla/5.0 (test)", "x-forwarded-for": "203.0.113.7, 10.0.0.1", ...options.headers });
  if (options.form) headers.set("content-type", "application/x-www-form-urlencoded");
  return new Request(url, {
    method: options.method ?? (options.form ? "POST" : "GET"),
    headers,
    body: options.form ? new URLSearchParams(options.form).toString() : undefined,
  });
}
