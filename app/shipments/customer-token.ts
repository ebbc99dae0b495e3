import { z } from "zod";
import { InvalidInputError } from "~/errors";

const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/\d+$/;
/** An order id as the extension API gives it. */
const orderGidSchema = z.string("is required").regex(/^gid:\/\/shopify\/Order\/\d+$/, "must be an order gid");

/**
 * The claims of a verified customer-account session token that scope a request: `dest` names the shop
 * (a bare domain, or an https URL in admin-style tokens) and `sub` the logged-in customer's gid.
 */
const destSchema = z
  .string()
  .transform((dest) => (dest.includes("://") ? URL.parse(dest)?.hostname ?? "" : dest).toLowerCase())
  .pipe(z.string().regex(MYSHOPIFY_DOMAIN, "must name a myshopify.com shop"));

const customerTokenSchema = z.object({
  dest: destSchema,
  sub: z.string().regex(CUSTOMER_GID, "must be a customer gid (the customer is not logged in)"),
});

/** The shop a verified session token is for (its `dest`), or null when it names no myshopify.com shop. */
export function shopOfToken(payload: unknown): string | null {
  const parsed = z.object({ dest: destSchema }).safeParse(payload);
  return parsed.success ? parsed.data.dest : null;
}

/**
 * The shop and customer of a verified token, or null when it names no logged-in customer (a shopper who
 * opened the order status page from an email link without signing in).
 */
export function customerTokenClaims(payload: unknown): { shop: string; customerId: string } | null {
  const parsed = customerTokenSchema.safeParse(payload);
  return parsed.success ? { shop: parsed.data.dest, customerId: parsed.data.sub } : null;
}

/** The `orderId` query parameter of an extension request; InvalidInputError when it is not an order gid. */
export function parseOrderIdParam(params: URLSearchParams): string {
  const parsed = z.object({ orderId: orderGidSchema }).safeParse({ orderId: params.get("orderId") ?? undefined });
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
  return parsed.data.orderId;
}

