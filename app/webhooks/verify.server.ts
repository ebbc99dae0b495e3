import { WebhookValidationErrorReason } from "@shopify/shopify-api";
import { MalformedPayloadError } from "~/errors";
import { validateWebhook } from "~/shopify.server";
import { deliveryMetadataSchema, type WebhookDelivery } from "./delivery";

/**
 * Verifies a delivery with the Shopify library (HMAC over the raw bytes, required headers) and returns its
 * metadata. Throws a 401 Response for a bad HMAC, a 400 Response for missing headers, and
 * `MalformedPayloadError` for a validly signed body that is not a JSON object.
 */
export async function verifyWebhookDelivery(request: Request, body: Uint8Array<ArrayBuffer>): Promise<WebhookDelivery> {
  const rawBody = new TextDecoder().decode(body);
  const check = await validateWebhook({ rawBody, rawRequest: request });
  if (!check.valid) {
    throw new Response(undefined, check.reason === WebhookValidationErrorReason.InvalidHmac ? { status: 401, statusText: "Unauthorized" } : { status: 400, statusText: "Bad Request" });
  }
  assertJsonObject(rawBody);
  const metadata = deliveryMetadataSchema.safeParse({
    shop: check.domain,
    // The library upper-cases the topic for its registry ("ORDERS_CREATE"), which loses where the slash was.
    topic: request.headers.get("x-shopify-topic") ?? request.headers.get("shopify-topic"),
    webhookId: check.webhookId,
    apiVersion: check.apiVersion,
    eventId: check.eventId,
    triggeredAt: check.triggeredAt,
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
