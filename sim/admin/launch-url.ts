import { createHmac, randomBytes } from "node:crypto";

/** `host` as Shopify sends it: base64 (unpadded) of `admin.shopify.com/store/{storeName}`. */
export function adminHost(shop: string): string {
  return Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64").replace(/=+$/, "");
}

/** Admin launch `hmac`: hex HMAC-SHA256 over the other params, sorted by key and URL-encoded. */
export function adminLaunchHmac(apiSecret: string, params: URLSearchParams): string {
  const sorted = new URLSearchParams([...params].filter(([key]) => key !== "hmac").sort(([a], [b]) => a.localeCompare(b)));
  return createHmac("sha256", apiSecret).update(sorted.toString()).digest("hex");
}

/**
 * The URL the admin loads in its iframe: the app path plus `embedded, hmac, host, id_token, locale,
 * session, shop, timestamp` (and any query the merchant's admin URL carried).
 */
export function embeddedLaunchUrl(input: {
  appUrl: string;
  path: string;
  extraQuery: URLSearchParams;
  shop: string;
  idToken: string;
  apiSecret: string;
  locale?: string;
}): string {
  const path = input.path.startsWith("/") ? input.path : `/${input.path}`;
  const url = new URL(`${input.appUrl}${path}`);
  const params = new URLSearchParams(input.extraQuery);
  params.set("embedded", "1");
  params.set("host", adminHost(input.shop));
  params.set("id_token", input.idToken);
  params.set("locale", input.locale ?? "en");
  params.set("session", randomBytes(32).toString("hex"));
  params.set("shop", input.shop);
  params.set("timestamp", String(Math.floor(Date.now() / 1000)));
  params.set("hmac", adminLaunchHmac(input.apiSecret, params));
  url.search = params.toString();
  return url.toString();
}
