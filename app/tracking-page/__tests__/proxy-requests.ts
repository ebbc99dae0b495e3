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
  /** A multipart body (file uploads); wins over `form`. */
  multipart?: FormData;
  /** The numeric id Shopify sends as logged_in_customer_id (signed); empty for a visitor not logged in. */
  customerId?: string;
  path_prefix?: string;
  headers?: Record<string, string>;
}

/** A request to the app's `/proxy{path}` for `shop`, signed like Shopify signs app proxy requests. */
export function proxyRequest(shop: string, path: string, options: ProxyRequestOptions = {}): Request {
  const params = new URLSearchParams(options.query);
  params.set("shop", shop);
  params.set("logged_in_customer_id", options.customerId ?? "");
  params.set("path_prefix", options.path_prefix ?? "/apps/track");
  params.set("timestamp", String(options.timestamp ?? Math.floor(Date.now() / 1000)));
  if (!options.unsigned) params.set("signature", appProxySignature(options.secret ?? process.env.SHOPIFY_API_SECRET!, params));
  const url = new URL(`/proxy${path}`, process.env.SHOPIFY_APP_URL);
  url.search = params.toString();
  const headers = new Headers({ "user-agent": "Mozilla/5.0 (test)", "x-forwarded-for": "203.0.113.7, 10.0.0.1", ...options.headers });
  if (options.form && !options.multipart) headers.set("content-type", "application/x-www-form-urlencoded");
  const posted = options.form || options.multipart;
  return new Request(url, {
    method: options.method ?? (posted ? "POST" : "GET"),
    headers,
    body: options.multipart ?? (options.form ? new URLSearchParams(options.form).toString() : undefined),
  });
}
