import type { RequestHandler } from "express";
import { SHOPIFY_APP_BRIDGE_URL } from "../../app/admin/app-bridge.server";
import { passThrough, rewriteResponseHeader } from "./rewrite-response-header";

/** Points a Link header's preload of Shopify's App Bridge at `scriptUrl`; other links are left as they were. */
export function preloadAppBridgeFrom(link: string, scriptUrl: string): string {
  return link.replaceAll(`<${SHOPIFY_APP_BRIDGE_URL}>`, `<${scriptUrl}>`);
}

/**
 * When App Bridge loads from APP_BRIDGE_URL (the local stand-in), the library's document headers still preload
 * it from Shopify's CDN: wasted, and offline a failed request the browser reports as an error. This preloads
 * the script the page really loads. Unset (a real store): the headers are untouched.
 */
export function preloadConfiguredAppBridge(appBridgeUrl: string | undefined): RequestHandler {
  if (!appBridgeUrl) return passThrough;
  return rewriteResponseHeader("link", (link) => preloadAppBridgeFrom(link, appBridgeUrl));
}
