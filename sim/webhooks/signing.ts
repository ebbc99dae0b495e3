import { createHmac } from "node:crypto";

/** `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the exact body bytes, keyed with the app secret. */
export function webhookHmac(apiSecret: string, rawBody: string): string {
  return createHmac("sha256", apiSecret).update(Buffer.from(rawBody, "utf8")).digest("base64");
}
