import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "~/env.server";

/**
 * Seals a merchant's label-provider API key for storage: AES-256-GCM under a key derived (HKDF) from the app
 * secret for this one purpose, a random 96-bit IV per value, and the shop as associated data, so a value copied
 * into another shop's row does not open. Format `v1.<iv>.<tag>.<ciphertext>` (base64url).
 * Rotating the app secret makes stored keys unreadable; they then read as unset and the merchant enters them again.
 */

const VERSION = "v1";
const keys = new Map<string, Buffer>();

function sealingKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "aftercare/returns", "label-provider-api-key", 32));
    keys.set(secret, key);
  }
  return key;
}

/** Encrypts `plaintext` for `shop`. */
export function sealSecret(shop: string, plaintext: string, secret = env().SHOPIFY_API_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(secret), iv);
  cipher.setAAD(Buffer.from(shop, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** Decrypts a sealed value of `shop`; null when it was sealed for another shop, under another secret, or altered. */
export function openSecret(shop: string, sealed: string, secret = env().SHOPIFY_API_SECRET): string | null {
  const [version, iv, tag, body, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined || rest.length) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(secret), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(shop, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
