import { MalformedPayloadError } from "~/errors";
import { env } from "~/env.server";
import { deliveryMetadataSchema, missingWebhookHeaders, type WebhookDelivery } from "./delivery";
import { isValidWebhookHmac } from "./signature.server";

/**
 * Verifies a delivery as Shopify's library does — the HMAC over the raw bytes first (missing → 400,
 * wrong → 401), then the required headers (400) — and returns its metadata. A validly signed body that is
 * not a JSON object throws `MalformedPayloadError` (400).
 */
export function verifyWebhookDelivery(request: Request, body: Uint8Array<ArrayBuffer>): WebhookDelivery {
  const hmac = request.headers.get("x-shopify-hmac-sha256");
  if (!hmac || body.length === 0) throw new Response(undefined, { status: 400, statusText: "Bad Request" });
  if (!isValidWebhookHmac(body, hmac, env().SHOPIFY_API_SECRET)) throw new Response(undefined, { status: 401, statusText: "Unauthorized" });
  if (missingWebhookHeaders(request.headers).length) throw new Response(undefined, { status: 400, statusText: "Bad Request" });

  const rawBody = new TextDecoder().decode(body);
  assertJsonObject(rawBody);
  const headers = request.headers;
  const metadata = deliveryMetadataSchema.safeParse({
    shop: headers.get("x-shopify-shop-domain"),
    topic: headers.get("x-shopify-topic"),
    webhookId: headers.get("x-shopify-webhook-id"),
    apiVersion: headers.get("x-shopify-api-version") ?? undefined,
    eventId: headers.get("x-shopify-event-id") ?? undefined,
    triggeredAt: headers.get("x-shopify-triggered-at") ?? undefined,
  });
  if (!metadata.success) throw new MalformedPayloadError("The webhook headers are malformed");
  return { ...metadata.data, rawBody };
}

// Only the shape is checked here, so the native parser is enough: the stored text is what the worker
// parses later, losslessly (parseShopifyJson), and this parsed value is thrown away.
function assertJsonObject(text: string): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedPayloadError("The body is not valid JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new MalformedPayloadError("The body is not a JSON object");
  }
}
