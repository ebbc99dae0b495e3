import { existsSync, readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { z } from "zod";

/** One `[[webhooks.subscriptions]]` entry: where Shopify POSTs which topics. */
export interface WebhookSubscription {
  topics: string[];
  /** Absolute URL the stand-in posts to. */
  url: string;
  includeFields?: string[];
}

export interface AppProxyConfig {
  /** Absolute URL of the app route that answers proxied storefront requests. */
  url: string;
  subpath: string;
  prefix: string;
}

/** The parts of `shopify.app.toml` Shopify acts on. */
export interface AppConfig {
  handle: string | null;
  scopes: string[];
  webhookApiVersion: string;
  subscriptions: WebhookSubscription[];
  appProxy: AppProxyConfig | null;
}

const tomlSchema = z.object({
  handle: z.string().optional(),
  application_url: z.string().optional(),
  access_scopes: z.object({ scopes: z.string().default("") }).partial().optional(),
  webhooks: z
    .object({
      api_version: z.string().default("2026-07"),
      subscriptions: z
        .array(
          z.object({
            topics: z.array(z.string()).optional(),
            compliance_topics: z.array(z.string()).optional(),
            uri: z.string(),
            include_fields: z.array(z.string()).optional(),
            filter: z.string().optional(),
          }),
        )
        .default([]),
    })
    .optional(),
  app_proxy: z.object({ url: z.string(), subpath: z.string(), prefix: z.string() }).optional(),
});

/**
 * Resolves a URI from the toml against where the app runs now. Relative URIs are relative to the app;
 * absolute ones on the configured application_url are moved to the app URL, as `shopify app dev` does.
 */
function resolveAppUri(uri: string, appUrl: string, applicationUrl: string | undefined): string | null {
  if (/^(pubsub|arn):/.test(uri)) return null;
  if (!/^https?:\/\//.test(uri)) return new URL(uri.startsWith("/") ? uri : `/${uri}`, appUrl).toString();
  const absolute = new URL(uri);
  if (applicationUrl && absolute.origin === new URL(applicationUrl).origin) {
    return new URL(absolute.pathname + absolute.search, appUrl).toString();
  }
  return absolute.toString();
}

export function parseAppConfig(tomlText: string, appUrl: string): AppConfig {
  const toml = tomlSchema.parse(parse(tomlText));
  const subscriptions: WebhookSubscription[] = [];
  for (const entry of toml.webhooks?.subscriptions ?? []) {
    const url = resolveAppUri(entry.uri, appUrl, toml.application_url);
    if (!url) continue;
    const topics = [...(entry.topics ?? []), ...(entry.compliance_topics ?? [])];
    subscriptions.push({ topics, url, ...(entry.include_fields ? { includeFields: entry.include_fields } : {}) });
  }
  const proxy = toml.app_proxy;
  return {
    handle: toml.handle ?? null,
    scopes: (toml.access_scopes?.scopes ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    webhookApiVersion: toml.webhooks?.api_version ?? "2026-07",
    subscriptions,
    appProxy: proxy
      ? { url: resolveAppUri(proxy.url, appUrl, toml.application_url)!, subpath: proxy.subpath, prefix: proxy.prefix }
      : null,
  };
}

/** Reads the toml when present; otherwise undefined so options can supply the same settings. */
export function loadAppConfig(path: string, appUrl: string): AppConfig | undefined {
  if (!existsSync(path)) return undefined;
  return parseAppConfig(readFileSync(path, "utf8"), appUrl);
}
