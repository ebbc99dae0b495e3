import { env } from "~/env.server";

/** Shopify's App Bridge script, used unless APP_BRIDGE_URL points at a compatible one (the local stand-in). */
export const SHOPIFY_APP_BRIDGE_URL = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

/** What the embedded app shell needs to load App Bridge: the app's client id and the script's URL. */
export function appBridgeConfig(): { apiKey: string; appBridgeUrl: string } {
  const config = env();
  return { apiKey: config.SHOPIFY_API_KEY, appBridgeUrl: config.APP_BRIDGE_URL ?? SHOPIFY_APP_BRIDGE_URL };
}
