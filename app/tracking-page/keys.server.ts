import { createHmac, hkdfSync } from "node:crypto";
import { env } from "~/env.server";

/** What a key is for: each purpose gets its own key, so a token made for one can never pass as another. */
export type KeyPurpose = "order-link" | "click-link" | "visitor" | "rate-limit";

const keys = new Map<string, Uint8Array>();

/** A 256-bit key for `purpose`, derived from the app secret with HKDF (never the secret itself). */
export function derivedKey(purpose: KeyPurpose, secret = env().SHOPIFY_API_SECRET): Uint8Array {
  const cacheKey = `${purpose}:${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "aftercare/tracking-page", purpose, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

/** A keyed, truncated hash: stable for the same input, useless for recovering it (IPs, user agents). */
export function keyedHash(purpose: KeyPurpose, ...parts: string[]): string {
  return createHmac("sha256", derivedKey(purpose)).update(parts.join("\u0000")).digest("base64url").slice(0, 22);
}
