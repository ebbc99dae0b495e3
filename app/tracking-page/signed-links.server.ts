import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { derivedKey, type KeyPurpose } from "./keys.server";

const ORDER_GID = "gid://shopify/Order/";
const DAY_SECONDS = 24 * 3600;
/** Links in notifications keep working for a season of returns and questions. */
export const ORDER_LINK_LIFETIME_SECONDS = 120 * DAY_SECONDS;
const CLICK_LINK_LIFETIME_SECONDS = 30 * DAY_SECONDS;

interface LinkKind {
  audience: string;
  key: KeyPurpose;
}
const ORDER_LINK: LinkKind = { audience: "tp:o", key: "order-link" };
const CLICK_LINK: LinkKind = { audience: "tp:c", key: "click-link" };

/** What a marketing click was on. */
export const CLICK_TARGETS = ["banner", "discount", "recommendation"] as const;
export type ClickTarget = (typeof CLICK_TARGETS)[number];

const orderClaimsSchema = z.object({ s: z.string(), o: z.string().regex(/^\d+$/) });
const clickClaimsSchema = orderClaimsSchema.extend({ t: z.enum(CLICK_TARGETS), u: z.url({ protocol: /^https?$/ }) });

export interface ClickLink {
  orderId: string;
  target: ClickTarget;
  url: string;
}

// Only the number travels: the token stays short enough for an SMS.
function orderNumber(orderId: string): string {
  if (!orderId.startsWith(ORDER_GID)) throw new Error(`not an order gid: ${orderId}`);
  return orderId.slice(ORDER_GID.length);
}

async function sign(kind: LinkKind, claims: Record<string, string>, lifetimeSeconds: number, now: Date): Promise<string> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setAudience(kind.audience)
    .setExpirationTime(nowSeconds + lifetimeSeconds)
    .sign(derivedKey(kind.key));
}

async function verify<T extends { s: string }>(token: string, kind: LinkKind, schema: z.ZodType<T>, shop: string, now: Date): Promise<T | null> {
  try {
    const { payload } = await jwtVerify(token, derivedKey(kind.key), {
      audience: kind.audience,
      algorithms: ["HS256"],
      currentDate: now,
    });
    const claims = schema.safeParse(payload);
    return claims.success && claims.data.s === shop ? claims.data : null;
  } catch (error) {
    if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
    throw error;
  }
}

/** A token for `/apps/track/o/<token>` naming the shop and order, valid for `lifetimeSeconds`. */
export function signOrderLink(
  input: { shop: string; orderId: string },
  options: { lifetimeSeconds?: number; now?: Date } = {},
): Promise<string> {
  return sign(ORDER_LINK, { s: input.shop, o: orderNumber(input.orderId) }, options.lifetimeSeconds ?? ORDER_LINK_LIFETIME_SECONDS, options.now ?? new Date());
}

/**
 * The order an order-link token names, or null when it is tampered with, expired, malformed, or made for
 * another shop: callers answer every null the same way.
 */
export async function verifyOrderLink(token: string, shop: string, now = new Date()): Promise<{ orderId: string } | null> {
  const claims = await verify(token, ORDER_LINK, orderClaimsSchema, shop, now);
  return claims ? { orderId: `${ORDER_GID}${claims.o}` } : null;
}

/** The storefront URL of an order's tracking page, for notifications: `https://{shop}/apps/track/o/<token>`. */
export async function trackingPageLink(shop: string, orderId: string, options: { pathPrefix?: string; now?: Date } = {}): Promise<string> {
  const token = await signOrderLink({ shop, orderId }, { now: options.now });
  return `https://${shop}${options.pathPrefix ?? "/apps/track"}/o/${token}`;
}

/** A token for `/apps/track/r/<token>`: a counted redirect to a marketing URL we chose, never an open redirect. */
export function signClickLink(input: { shop: string; orderId: string } & Omit<ClickLink, "orderId">, now = new Date()): Promise<string> {
  return sign(CLICK_LINK, { s: input.shop, o: orderNumber(input.orderId), t: input.target, u: input.url }, CLICK_LINK_LIFETIME_SECONDS, now);
}

/** The click a click-link token describes, or null when it is not one of ours for this shop. */
export async function verifyClickLink(token: string, shop: string, now = new Date()): Promise<ClickLink | null> {
  const claims = await verify(token, CLICK_LINK, clickClaimsSchema, shop, now);
  return claims ? { orderId: `${ORDER_GID}${claims.o}`, target: claims.t, url: claims.u } : null;
}
