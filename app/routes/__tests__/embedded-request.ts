import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";

/** Builds the requests Shopify admin sends an embedded app, signed like App Bridge's session tokens. */

const APP_URL = process.env.SHOPIFY_APP_URL!;

export interface SessionTokenOptions {
  shop: string;
  /** Defaults to the app's secret (SHOPIFY_API_SECRET from app/test/setup.ts). */
  secret?: string;
  /** Defaults to the app's client id (SHOPIFY_API_KEY). */
  audience?: string;
  /** Seconds from now until the token expires; negative for an expired token. */
  expiresIn?: number;
}

/** A session token as Shopify admin issues it: HS256 over the app secret, `dest` naming the shop. */
export async function signSessionToken({ shop, secret, audience, expiresIn = 60 }: SessionTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ dest: `https://${shop}`, sid: randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(`https://${shop}/admin`)
    .setAudience(audience ?? process.env.SHOPIFY_API_KEY!)
    .setSubject("42")
    .setIssuedAt(now - 5)
    .setNotBefore(now - 5)
    .setExpirationTime(now + expiresIn)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(secret ?? process.env.SHOPIFY_API_SECRET!));
}

/** The `host` parameter Shopify admin adds: base64 of the admin URL of the store. */
export function hostParam(shop: string): string {
  return Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64");
}

export type TokenTransport = "header" | "query";

/**
 * A request to `path` as the embedded admin makes it: `header` is a fetch from the app's frontend
 * (Authorization: Bearer), `query` a document load with ?id_token= after the bounce page.
 */
export function embeddedRequest(path: string, token: string, transport: TokenTransport, shopParam: string): Request {
  const url = new URL(path, APP_URL);
  url.searchParams.set("embedded", "1");
  url.searchParams.set("shop", shopParam);
  url.searchParams.set("host", hostParam(shopParam));
  if (transport === "query") {
    url.searchParams.set("id_token", token);
    return new Request(url);
  }
  return new Request(url, { headers: { Authorization: `Bearer ${token}` } });
}
