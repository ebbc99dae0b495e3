import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { env } from "~/env.server";
import { CHANNELS } from "./channels";
import { notificationKey } from "./keys.server";

const DAY_SECONDS = 24 * 3600;

// One kind per link: its audience and key keep a token for one from passing as another.
const LINKS = {
  unsubscribe: { audience: "notifications:unsubscribe", key: "unsubscribe-link", lifetimeSeconds: 400 * DAY_SECONDS, path: "unsubscribe" },
  open: { audience: "notifications:open", key: "open-link", lifetimeSeconds: 180 * DAY_SECONDS, path: "open" },
  click: { audience: "notifications:click", key: "click-link", lifetimeSeconds: 180 * DAY_SECONDS, path: "click" },
} as const;

type LinkKind = keyof typeof LINKS;

const unsubscribeClaims = z.object({ s: z.string().min(1), m: z.string().min(1), c: z.enum(CHANNELS), h: z.string().min(1) });
const openClaims = z.object({ s: z.string().min(1), m: z.string().min(1) });
const clickClaims = openClaims.extend({ u: z.url({ protocol: /^https?$/ }) });

/** Who an unsubscribe link unsubscribes: the address (by its keyed hash) a message went to, on its channel. */
export type UnsubscribeTarget = { shop: string; messageId: string; channel: (typeof CHANNELS)[number]; addressHash: string };
export type OpenTarget = { shop: string; messageId: string };
export type ClickTarget = OpenTarget & { url: string };

const cryptoKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();

/** The link key as a WebCrypto key, imported once per key: jose would import raw bytes again for every token. */
function hmacKey(kind: LinkKind): Promise<CryptoKey> {
  const raw = notificationKey(LINKS[kind].key);
  let key = cryptoKeys.get(raw);
  if (!key) {
    key = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    cryptoKeys.set(raw, key);
  }
  return key;
}

async function sign(kind: LinkKind, claims: Record<string, string>, now: Date): Promise<string> {
  const link = LINKS[kind];
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setAudience(link.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + link.lifetimeSeconds)
    .sign(await hmacKey(kind));
}

async function verify<T>(kind: LinkKind, token: string, schema: z.ZodType<T>, now: Date): Promise<T | null> {
  try {
    const { payload } = await jwtVerify(token, await hmacKey(kind), { audience: LINKS[kind].audience, algorithms: ["HS256"], currentDate: now });
    const claims = schema.safeParse(payload);
    return claims.success ? claims.data : null;
  } catch (error) {
    if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
    throw error;
  }
}

function appUrl(kind: LinkKind, token: string): string {
  return new URL(`/notifications/${LINKS[kind].path}/${token}`, env().SHOPIFY_APP_URL).toString();
}

/** The public URL of an unsubscribe link (also the List-Unsubscribe header's target). */
export async function unsubscribeUrl(target: UnsubscribeTarget, now = new Date()): Promise<string> {
  return appUrl("unsubscribe", await sign("unsubscribe", { s: target.shop, m: target.messageId, c: target.channel, h: target.addressHash }, now));
}

/** The public URL of a message's open-counting pixel. */
export async function openPixelUrl(target: OpenTarget, now = new Date()): Promise<string> {
  return appUrl("open", await sign("open", { s: target.shop, m: target.messageId }, now));
}

/** A counted redirect to `url` for a link in a message; only URLs we signed are ever redirected to. */
export async function clickUrl(target: ClickTarget, now = new Date()): Promise<string> {
  return appUrl("click", await sign("click", { s: target.shop, m: target.messageId, u: target.url }, now));
}

/** The target of an unsubscribe token, or null when it is forged, expired or malformed. */
export async function verifyUnsubscribeToken(token: string, now = new Date()): Promise<UnsubscribeTarget | null> {
  const claims = await verify("unsubscribe", token, unsubscribeClaims, now);
  return claims && { shop: claims.s, messageId: claims.m, channel: claims.c, addressHash: claims.h };
}

/** The message an open-pixel token names, or null. */
export async function verifyOpenToken(token: string, now = new Date()): Promise<OpenTarget | null> {
  const claims = await verify("open", token, openClaims, now);
  return claims && { shop: claims.s, messageId: claims.m };
}

/** The message and destination a click token names, or null. */
export async function verifyClickToken(token: string, now = new Date()): Promise<ClickTarget | null> {
  const claims = await verify("click", token, clickClaims, now);
  return claims && { shop: claims.s, messageId: claims.m, url: claims.u };
}
