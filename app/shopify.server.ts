import "@shopify/shopify-app-remix/adapters/node";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { ApiVersion, AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { db } from "./db.server";
import { env } from "./env.server";
import { logger } from "./logger.server";
import { PrismaSessionStorage } from "./sessions/prisma-session-storage.server";
import { standInFetch } from "./shopify/standin-fetch.server";
import { onShopAuthenticated } from "./shops/install.server";

/** The Admin API version every request and webhook subscription uses. */
export const API_VERSION = ApiVersion.July26;

const config = env();

if (config.SHOPIFY_STANDIN_URL) {
  setAbstractFetchFunc(standInFetch(config.SHOPIFY_STANDIN_URL, globalThis.fetch.bind(globalThis)));
}

/**
 * The one place that configures the Shopify library. Every loader and action starts with one of the
 * `authenticate.*` calls exported here.
 */
const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes: config.SCOPES.split(","),
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(db),
  distribution: AppDistribution.AppStore,
  isEmbeddedApp: true,
  future: { unstable_newEmbeddedAuthStrategy: true },
  logger: { level: config.NODE_ENV === "production" ? LogSeverity.Warning : LogSeverity.Info, log: (severity, message) => logger.debug({ severity }, message) },
  hooks: {
    afterAuth: async ({ session, admin }) => {
      await onShopAuthenticated({ shop: session.shop, scopes: session.scope ?? "", admin });
    },
  },
  ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
