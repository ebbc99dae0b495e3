import { createHmac, timingSafeEqual } from "node:crypto";

/** The header EasyPost signs webhooks in. */
export const EASYPOST_SIGNATURE_HEADER = "x-hmac-signature";

/**
 * EasyPost's webhook signature: "hmac-sha256-hex=" and the hex HMAC-SHA256 of the raw body, keyed with the
 * webhook secret NFKD-normalised as UTF-8 (as EasyPost's own client libraries check it).
 */
export function easyPostSignature(body: Uint8Array, secret: string): string {
  const digest = createHmac("sha256", Buffer.from(secret.normalize("NFKD"), "utf8")).update(body).digest("hex");
  return `hmac-sha256-hex=${digest}`;
}

/** Whether `header` is EasyPost's signature of `body` under `secret`, compared in constant time. */
export function isValidEasyPostSignature(body: Uint8Array, header: string | null, secret: string): boolean {
  if (!header || !secret) return false;
  const expected = Buffer.from(easyPostSignature(body, secret));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
