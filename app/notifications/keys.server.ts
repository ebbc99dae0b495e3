import { createHmac, hkdfSync } from "node:crypto";
import { env } from "~/env.server";
import type { Channel } from "./channels";

/** What a key is for: a token made for one purpose can never pass as another. */
type KeyPurpose = "unsubscribe-link" | "open-link" | "click-link" | "address";

const keys = new Map<string, Uint8Array<ArrayBuffer>>();

/** A 256-bit key for `purpose`, derived from the app secret with HKDF (never the secret itself). */
export function notificationKey(purpose: KeyPurpose, secret = env().SHOPIFY_API_SECRET): Uint8Array<ArrayBuffer> {
  const cacheKey = `${purpose}:${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "aftercare/notifications", purpose, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

/**
 * A keyed hash of a normalised address (lower-cased email, E.164 phone): lets an opt-out be honoured and checked
 * without storing the address itself.
 */
export function addressHash(channel: Channel, normalisedAddress: string): string {
  return createHmac("sha256", notificationKey("address")).update(`${channel}\u0000${normalisedAddress}`).digest("base64url");
}
