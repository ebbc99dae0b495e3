import { randomBytes, randomUUID } from "node:crypto";
import { SignJWT, jwtVerify, type JWTPayload } from "jose";

export interface AdminSessionTokenInput {
  kind?: "admin";
  shop: string;
  /** Staff user id; the shop owner when omitted. */
  userId?: number | string;
  sessionId?: string;
  lifetimeSeconds?: number;
}

export interface CustomerAccountTokenInput {
  kind: "customer-account";
  shop: string;
  /** Customer numeric id or gid; omitted for a customer who is not logged in. */
  customerId?: string;
  lifetimeSeconds?: number;
}

export type SessionTokenInput = AdminSessionTokenInput | CustomerAccountTokenInput;

/** Shopify's session tokens live for one minute. */
const SESSION_TOKEN_LIFETIME_S = 60;

function secretKey(apiSecret: string): Uint8Array {
  return new TextEncoder().encode(apiSecret);
}

/**
 * An HS256 session token signed with the app secret, with the claims Shopify puts in admin tokens
 * (`iss`, `dest`, `aud`, `sub`, `sid`, …) or in customer-account extension tokens.
 */
export async function mintSessionToken(
  input: SessionTokenInput,
  app: { apiKey: string; apiSecret: string; ownerUserId: number },
  now: Date,
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: JWTPayload & Record<string, unknown> =
    input.kind === "customer-account"
      ? {
          dest: input.shop,
          aud: app.apiKey,
          ...(input.customerId ? { sub: input.customerId.startsWith("gid://") ? input.customerId : `gid://shopify/Customer/${input.customerId}` } : {}),
        }
      : {
          iss: `https://${input.shop}/admin`,
          dest: `https://${input.shop}`,
          aud: app.apiKey,
          sub: String(input.userId ?? app.ownerUserId),
          sid: input.sessionId ?? randomBytes(16).toString("hex"),
        };
  return new SignJWT({ ...claims, jti: randomUUID() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + (input.lifetimeSeconds ?? SESSION_TOKEN_LIFETIME_S))
    .sign(secretKey(app.apiSecret));
}

/** Verifies a session token as Shopify's token endpoint does; throws when invalid. */
export async function verifySessionToken(token: string, app: { apiKey: string; apiSecret: string }, now: Date): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, secretKey(app.apiSecret), {
    algorithms: ["HS256"],
    audience: app.apiKey,
    currentDate: now,
    clockTolerance: 10,
  });
  return payload;
}
