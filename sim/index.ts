import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import { AccessTokenRegistry } from "./auth/access-tokens.ts";
import { mintSessionToken, type SessionTokenInput } from "./auth/session-tokens.ts";
import { loadAppConfig, type AppProxyConfig, type WebhookSubscription } from "./config/app-config.ts";
import type { StandInContext } from "./context.ts";
import { ThrottleBuckets, type ThrottleLimits } from "./graphql/throttle.ts";
import { listen } from "./http/node-server.ts";
import { buildRouter } from "./http/routes.ts";
import { signedProxyUrl, type ProxyRequestInput } from "./proxy/app-proxy.ts";
import { seedStore, type SeedOptions } from "./seed.ts";
import { SimStore } from "./store/store.ts";
import { WebhookDeliverer } from "./webhooks/deliverer.ts";
import { topicsForEvent } from "./webhooks/topics.ts";

export type { SimStore } from "./store/store.ts";
export type { WebhookDeliverer, WebhookDelivery } from "./webhooks/deliverer.ts";
export type { DeliveryMode } from "./webhooks/delivery-mode.ts";
export type { SessionTokenInput } from "./auth/session-tokens.ts";
export type { ProxyRequestInput } from "./proxy/app-proxy.ts";
export { seedStore } from "./seed.ts";
export { ADMIN_SCHEMA_PATH, CUSTOMER_SCHEMA_PATH } from "./graphql/schema.ts";

export const DEFAULT_APP_TOML = fileURLToPath(new URL("../shopify.app.toml", import.meta.url));

export interface StandInOptions {
  port?: number;
  host?: string;
  apiKey: string;
  apiSecret: string;
  /** Where the app runs, e.g. http://127.0.0.1:3000. */
  appUrl: string;
  appTomlPath?: string;
  /** Used when there is no toml (or it has no subscriptions). */
  webhookSubscriptions?: WebhookSubscription[];
  appProxy?: AppProxyConfig;
  scopes?: string[];
  shops?: string[];
  webhookRetry?: { delaysMs: number[] };
  webhookTimeoutMs?: number;
  /** Webhooks in flight at once (default 1: delivered in the order events happened). */
  webhookConcurrency?: number;
  idBase?: bigint;
  clock?: () => Date;
  /** Admin GraphQL rate limits (default: a standard plan, 2000 points restoring 100 per second). */
  throttle?: ThrottleLimits;
}

export interface StandIn {
  /** The stand-in's origin, e.g. http://127.0.0.1:3457. */
  url: string;
  store: SimStore;
  webhooks: WebhookDeliverer;
  mintSessionToken(input: SessionTokenInput): Promise<string>;
  /** The app URL Shopify would request for a storefront app-proxy request, signed. */
  signProxyQuery(input: ProxyRequestInput): string;
  seed(options: Omit<SeedOptions, "shop"> & { shop: string }): ReturnType<typeof seedStore>;
  close(): Promise<void>;
}

/** Starts the local Shopify stand-in (see sim/README.md). */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const appUrl = options.appUrl.replace(/\/+$/, "");
  const appConfig = loadAppConfig(options.appTomlPath ?? DEFAULT_APP_TOML, appUrl);
  const subscriptions = appConfig?.subscriptions.length ? appConfig.subscriptions : (options.webhookSubscriptions ?? []);
  const scopes = options.scopes ?? appConfig?.scopes ?? [];
  const store = new SimStore({ idBase: options.idBase, clock: options.clock });
  const tokens = new AccessTokenRegistry();
  const webhooks = new WebhookDeliverer({
    apiSecret: options.apiSecret,
    subscriptions,
    apiVersion: appConfig?.webhookApiVersion ?? "2026-07",
    retryDelaysMs: options.webhookRetry?.delaysMs,
    timeoutMs: options.webhookTimeoutMs,
    concurrency: options.webhookConcurrency,
    clock: options.clock,
  });

  // After uninstall Shopify deletes the app's subscriptions; only compliance topics still arrive.
  const afterUninstall = new Set(["app/uninstalled", "customers/data_request", "customers/redact", "shop/redact"]);
  store.subscribe((event) => {
    const installed = store.state(event.shop).shop.installed;
    if (event.change.kind === "app.uninstalled") tokens.revokeShop(event.shop);
    const messages = topicsForEvent(store, event).filter((m) => installed || afterUninstall.has(m.topic));
    webhooks.enqueue(event.shop, event.eventId, event.occurredAt, messages);
  });

  let url = "";
  const ctx: StandInContext = {
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    appUrl,
    appHandle: appConfig?.handle ?? null,
    scopes,
    appProxy: options.appProxy ?? appConfig?.appProxy ?? null,
    store,
    tokens,
    webhooks,
    throttle: new ThrottleBuckets(options.throttle),
    url: () => url,
  };
  const seed = (input: SeedOptions) => seedStore({ url, store, webhooks }, input);
  const router = buildRouter(ctx, seed);
  const { server, url: listeningUrl } = await listen((request) => router.handle(request), options.host ?? "127.0.0.1", options.port ?? 0);
  url = listeningUrl;

  for (const domain of options.shops ?? []) store.createShop({ domain, grantedScopes: scopes });

  return {
    url,
    store,
    webhooks,
    mintSessionToken: (input) => {
      const owner = store.state(input.shop).owner();
      return mintSessionToken(input, { apiKey: options.apiKey, apiSecret: options.apiSecret, ownerUserId: owner.id }, new Date());
    },
    signProxyQuery: (input) => signedProxyUrl(ctx, input),
    seed,
    close: () => closeAll(server, webhooks),
  };
}

async function closeAll(server: Server, webhooks: WebhookDeliverer): Promise<void> {
  webhooks.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
