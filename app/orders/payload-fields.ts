import { Decimal } from "@prisma/client/runtime/index-browser";
import { z } from "zod";
import { MalformedPayloadError } from "~/errors";

/**
 * Building blocks for Shopify payload schemas (webhooks and Admin API reads). Payloads come from
 * `parseShopifyJson`, so a numeric id is a safe integer or, beyond 2^53, its digit string.
 */

/** A Shopify payload we cannot use; retrying cannot fix it. The message names every bad field. */
export class InvalidShopifyPayloadError extends MalformedPayloadError {
  constructor(
    readonly resource: string,
    readonly issues: readonly string[],
  ) {
    super(`Invalid ${resource} payload: ${issues.join("; ")}`);
  }
}

/** Parses `payload` with `schema`, or throws InvalidShopifyPayloadError listing each bad field by path. */
export function parsePayload<Schema extends z.ZodType>(resource: string, schema: Schema, payload: unknown): z.output<Schema> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  throw new InvalidShopifyPayloadError(
    resource,
    result.error.issues.map((issue) => `${issue.path.join(".") || "(payload)"}: ${issue.message}`),
  );
}

/** The gid of a Shopify resource from its numeric id. */
export function shopifyGid(resource: string, numericId: string): string {
  return `gid://shopify/${resource}/${numericId}`;
}

/** A numeric id as lossless parsing yields it, as digit text (never through a JS number beyond 2^53). */
export const numericId = z
  .union([
    z.number().int().nonnegative().refine(Number.isSafeInteger, "must be an exact integer (parse with parseShopifyJson)"),
    z.string().regex(/^\d+$/, "must be a numeric id"),
  ])
  .transform(String);

/** A numeric id turned into the gid of `resource`. */
export function numericIdAsGid(resource: string) {
  return numericId.transform((id) => shopifyGid(resource, id));
}

/** A gid of the given resource type, e.g. gid://shopify/Order/123. */
export function gid(resource: string) {
  const expected = `must be a gid://shopify/${resource}/… id`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? `is required (${expected})` : expected) })
    .regex(new RegExp(`^gid://shopify/${resource}/\\d+$`), expected);
}

/** An ISO 8601 timestamp with offset (REST "…-05:00", GraphQL "…Z"). */
export const timestamp = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** An optional timestamp; absent and null both become null. */
export const optionalTimestamp = timestamp.nullish().transform((value) => value ?? null);

/** Optional free text; absent, null and blank all become null. */
export const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value?.trim() ? value.trim() : null));

/**
 * Money as decimal text with at least two decimals: REST sends "19.50", GraphQL's Decimal "19.5", and both
 * must store the same text. A bare JSON number is accepted as its digits.
 */
export const decimalText = z
  .union([z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal amount"), z.number().transform(String)])
  .transform(canonicalDecimal);

/** "19.5" → "19.50", "1000" → "1000.00", "0.125" → "0.125": exact, never through a float. */
export function canonicalDecimal(text: string): string {
  const amount = new Decimal(text);
  return amount.toFixed(Math.max(2, amount.decimalPlaces()));
}

/** An optional money amount. */
export const optionalDecimal = decimalText.nullish().transform((value) => value ?? null);
