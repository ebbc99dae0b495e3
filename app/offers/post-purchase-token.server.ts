import { base64url, CompactSign, errors, jwtVerify } from "jose";
import { LosslessNumber, stringify } from "lossless-json";
import { z } from "zod";
import { InvalidInputError } from "~/errors";
import { parseShopifyJson } from "~/webhooks/payload";
import { changesSchema, type PostPurchaseChange } from "./changeset-schema";
import { type InitialPurchase, shopifyInputClaimsSchema } from "./post-purchase-claims";
import { ExpiredPostPurchaseTokenError, InvalidPostPurchaseTokenError } from "./token-errors";

/**
 * Both directions of Shopify's post-purchase JWTs (HS256 with the app's client secret): verifying the
 * input token Shopify hands the extension, and signing the changeset our backend returns for
 * `applyChangeset`. See shopify.dev/docs/api/checkout-extensions/post-purchase/jwt-specification.
 */

/** Shopify's clock and ours may disagree a little; the Shopify library allows the same 10 s. */
const CLOCK_TOLERANCE_SECONDS = 10;
/** The page follows payment within seconds; an older input token is a replay, whatever its `exp`. */
const DEFAULT_MAX_AGE_SECONDS = 60 * 60;

export interface VerifiedPostPurchaseInput {
  /** The shop's myshopify domain, from the signed token (never from the request). */
  shop: string;
  referenceId: string;
  /** gid://shopify/Customer/…, or null for a guest checkout. */
  customerId: string | null;
  destinationCountryCode: string | null;
  locale: string | null;
  totalPriceSet: InitialPurchase["totalPriceSet"];
  lineItems: Array<{ productId: string; variantId: string; quantity: number; totalPriceSet: InitialPurchase["totalPriceSet"] }>;
  issuedAt: Date;
  expiresAt: Date | null;
}

const verifyRequestSchema = z.object({
  token: z.string().min(1),
  secret: z.string().min(1),
  referenceId: z.string().min(1),
  now: z.date().optional(),
  maxAgeSeconds: z.int().positive().optional(),
});

/**
 * Verifies the `inputData.token` a post-purchase extension sends: HS256 with the app secret only, issued
 * by "shopify", for the requested reference id (both `sub` and `input_data.initialPurchase.referenceId`),
 * not expired and not older than `maxAgeSeconds`. Throws `ExpiredPostPurchaseTokenError` or
 * `InvalidPostPurchaseTokenError`.
 */
export async function verifyPostPurchaseToken(request: z.input<typeof verifyRequestSchema>): Promise<VerifiedPostPurchaseInput> {
  const parsed = verifyRequestSchema.safeParse(request);
  if (!parsed.success) throw new InvalidPostPurchaseTokenError("The token or the reference id is missing");
  const { token, secret, referenceId, now = new Date(), maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS } = parsed.data;
  try {
    await jwtVerify(token, keyOf(secret), {
      algorithms: ["HS256"],
      issuer: "shopify",
      subject: referenceId,
      requiredClaims: ["iss", "sub", "iat"],
      currentDate: now,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: maxAgeSeconds,
    });
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new ExpiredPostPurchaseTokenError("The post-purchase token has expired", { cause: error });
    throw new InvalidPostPurchaseTokenError(`The post-purchase token is invalid: ${describeJoseError(error)}`, { cause: error });
  }

  const claims = shopifyInputClaimsSchema.safeParse(losslessPayloadOf(token));
  if (!claims.success) throw new InvalidPostPurchaseTokenError("The post-purchase token's claims are not the documented shape");
  const { input_data: input, iat, exp } = claims.data;
  if (input.initialPurchase.referenceId !== referenceId) {
    throw new InvalidPostPurchaseTokenError("The post-purchase token was issued for another purchase");
  }
  return {
    shop: input.shop.domain.toLowerCase(),
    referenceId,
    customerId: gidOrNull("Customer", input.initialPurchase.customerId),
    destinationCountryCode: input.initialPurchase.destinationCountryCode ?? null,
    locale: input.locale ?? null,
    totalPriceSet: input.initialPurchase.totalPriceSet,
    lineItems: input.initialPurchase.lineItems.map((line) => ({
      productId: `gid://shopify/Product/${line.product.id}`,
      variantId: `gid://shopify/ProductVariant/${line.product.variant.id}`,
      quantity: line.quantity,
      totalPriceSet: line.totalPriceSet,
    })),
    issuedAt: new Date(iat * 1000),
    expiresAt: exp === undefined ? null : new Date(exp * 1000),
  };
}

const signRequestSchema = z.object({
  apiKey: z.string().min(1),
  secret: z.string().min(1),
  referenceId: z.string().min(1),
  changes: changesSchema,
  now: z.date(),
  jti: z.uuid(),
  /** Optional in Shopify's specification; set it to bound how long an unused changeset stays valid. */
  expiresInSeconds: z.int().positive().optional(),
});

export type SignChangesetRequest = z.input<typeof signRequestSchema>;

/**
 * Signs a changeset JWT for `applyChangeset`, with the documented claims: `iss` (the app's API key),
 * `jti` (a UUID, unique per changeset), `iat` (seconds), `sub` (the initial purchase's reference id),
 * optional `exp`, and `changes`. Variant ids and amounts are written as exact JSON numbers, even past 2^53.
 */
export async function signChangeset(request: SignChangesetRequest): Promise<string> {
  const parsed = signRequestSchema.safeParse(request);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error, "The changeset is invalid");
  const { apiKey, secret, referenceId, changes, now, jti, expiresInSeconds } = parsed.data;
  const issuedAt = Math.floor(now.getTime() / 1000);
  const claims = {
    iss: apiKey,
    jti,
    iat: issuedAt,
    sub: referenceId,
    ...(expiresInSeconds === undefined ? {} : { exp: issuedAt + expiresInSeconds }),
    changes: changes.map(toJwtChange),
  };
  const payload = new TextEncoder().encode(stringify(claims));
  return new CompactSign(payload).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(keyOf(secret));
}

function toJwtChange(change: PostPurchaseChange) {
  if (change.type === "add_shipping_line") return { ...change, price: jsonNumber(change.price) };
  const { discount, ...rest } = change;
  return {
    ...rest,
    variantId: jsonNumber(change.variantId),
    ...(discount ? { discount: { ...discount, value: jsonNumber(discount.value) } } : {}),
  };
}

/** Digit or decimal text as a JSON number token, exactly as written (no leading zeros). */
function jsonNumber(text: string): LosslessNumber {
  return new LosslessNumber(text.replace(/^0+(?=\d)/, ""));
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** The payload, parsed without losing digits; only called once the signature over it has been verified. */
function losslessPayloadOf(token: string): unknown {
  const [, payload = ""] = token.split(".");
  return parseShopifyJson(new TextDecoder().decode(base64url.decode(payload)));
}

function gidOrNull(type: string, id: string | null | undefined): string | null {
  if (!id) return null;
  return id.startsWith("gid://") ? id : `gid://shopify/${type}/${id}`;
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JOSEError) return error.code;
  return error instanceof Error ? error.name : "unknown error";
}
