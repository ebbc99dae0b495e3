import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { SignJWT } from "jose";

/** Session tokens an attacker can present: every kind the library must refuse. */

export interface TokenClaims {
  dest: string;
  aud: string;
  sub?: string;
  /** Seconds from now. */
  expiresIn: number;
}

/** An HS256 token over `secret` with the given claims. */
export function hs256Token(claims: TokenClaims, secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ dest: claims.dest, sid: randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(`${claims.dest}/admin`)
    .setAudience(claims.aud)
    .setIssuedAt(now - 5)
    .setNotBefore(now - 5)
    .setExpirationTime(now + claims.expiresIn)
    .setJti(randomUUID());
  if (claims.sub) jwt.setSubject(claims.sub);
  return jwt.sign(new TextEncoder().encode(secret));
}

/** An unsigned token (`alg: none`) with otherwise valid claims. */
export function algNoneToken(claims: TokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const payload = { dest: claims.dest, iss: `${claims.dest}/admin`, aud: claims.aud, sub: claims.sub, iat: now, nbf: now, exp: now + claims.expiresIn, jti: randomUUID() };
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(payload)}.`;
}

export const BAD_TOKEN_KINDS = ["garbage", "forged", "expired", "other-app", "alg-none", "tampered"] as const;
/**
 * Admin tokens are also refused for our secret with another audience; the library deliberately skips the
 * audience check for extension (customer-account) tokens, whose signature alone proves they are ours.
 */
export const BAD_ADMIN_TOKEN_KINDS = [...BAD_TOKEN_KINDS, "wrong-audience"] as const;
export type BadTokenKind = (typeof BAD_ADMIN_TOKEN_KINDS)[number];

/** A token of `kind` for `dest`, which the app must reject. */
export async function badToken(kind: BadTokenKind, dest: string, garbage: string): Promise<string> {
  const apiKey = process.env.SHOPIFY_API_KEY!;
  const secret = process.env.SHOPIFY_API_SECRET!;
  const valid: TokenClaims = { dest, aud: apiKey, sub: "gid://shopify/Customer/501", expiresIn: 60 };
  switch (kind) {
    case "garbage":
      return garbage;
    case "forged":
      return hs256Token(valid, "not-the-app-secret");
    case "expired":
      return hs256Token({ ...valid, expiresIn: -120 }, secret);
    case "other-app":
      return hs256Token({ ...valid, aud: "another-apps-client-id" }, "another-apps-secret");
    case "wrong-audience":
      return hs256Token({ ...valid, aud: "another-apps-client-id" }, secret);
    case "alg-none":
      return algNoneToken(valid);
    case "tampered": {
      const [header, , signature] = (await hs256Token(valid, secret)).split(".");
      const payload = Buffer.from(JSON.stringify({ dest: "https://victim.myshopify.com", aud: apiKey, exp: 4102444800 })).toString("base64url");
      return `${header}.${payload}.${signature}`;
    }
  }
}

// Garbage a client can still put in a header: JWT-ish segments, or arbitrary text base64url-encoded.
const garbage = fc.oneof(fc.stringMatching(/^[\w-]{0,80}(\.[\w-]{0,80}){0,3}$/), fc.string({ maxLength: 200 }).map((text) => Buffer.from(text).toString("base64url")));

/** A token of any kind an extension endpoint must refuse, with the garbage to use for "garbage". */
export const badTokenArbitrary = fc.tuple(fc.constantFrom<BadTokenKind>(...BAD_TOKEN_KINDS), garbage);
/** A token of any kind an admin endpoint must refuse. */
export const badAdminTokenArbitrary = fc.tuple(fc.constantFrom<BadTokenKind>(...BAD_ADMIN_TOKEN_KINDS), garbage);
