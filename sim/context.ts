import type { AppProxyConfig } from "./config/app-config.ts";
import type { AccessTokenRegistry } from "./auth/access-tokens.ts";
import type { ThrottleBuckets } from "./graphql/throttle.ts";
import type { SimStore } from "./store/store.ts";
import type { WebhookDeliverer } from "./webhooks/deliverer.ts";

/** What the stand-in's routes share: the app's identity, the store, issued tokens, webhook delivery. */
export interface StandInContext {
  apiKey: string;
  apiSecret: string;
  /** Where the app runs, without a trailing slash. */
  appUrl: string;
  appHandle: string | null;
  /** Scopes granted on install (from `[access_scopes]`). */
  scopes: string[];
  appProxy: AppProxyConfig | null;
  store: SimStore;
  tokens: AccessTokenRegistry;
  webhooks: WebhookDeliverer;
  throttle: ThrottleBuckets;
  /** The stand-in's own origin, known once it listens. */
  url(): string;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });
}

/** Reads a JSON or form-encoded body into a string map, as Shopify's OAuth endpoints accept both. */
export async function readParams(request: Request): Promise<Record<string, string>> {
  const text = await request.text();
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}
