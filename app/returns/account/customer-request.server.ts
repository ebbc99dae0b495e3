import { z } from "zod";
import { env } from "~/env.server";
import { DomainError, httpStatusOf, InvalidInputError, MalformedPayloadError } from "~/errors";
import { logger } from "~/logger.server";
import { customerTokenClaims } from "~/shipments/customer-token";
import { authenticate } from "~/shopify.server";
import { PAGE_LOCALES, type PageLocale } from "~/tracking-page/messages";
import { readBodyWithinLimit } from "~/webhooks/body-limit";

/** Who is asking: the shop and logged-in customer a verified customer-account session token names. */
export interface ReturnsCustomer {
  shop: string;
  customerId: string;
}

type Cors = (response: Response) => Response;

const audienceSchema = z.object({ aud: z.union([z.string(), z.array(z.string())]) });

/**
 * The token's customer, or null when the token names none or was issued to another app. The library checks
 * the signature and expiry but not the audience for extension tokens, so it is checked here.
 */
function customerOf(payload: unknown): ReturnsCustomer | null {
  const audience = audienceSchema.safeParse(payload);
  const audiences = audience.success ? [audience.data.aud].flat() : [];
  if (!audiences.includes(env().SHOPIFY_API_KEY)) return null;
  return customerTokenClaims(payload);
}

/** A domain error as JSON with its status; 401s and 403s are logged by code only. Anything else is a bug. */
function errorResponse(error: unknown): Response {
  if (!(error instanceof DomainError)) throw error;
  const status = httpStatusOf(error);
  if (status >= 500) logger.error({ code: error.code, error: error.message }, "return extension request failed upstream");
  const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : undefined;
  return Response.json({ error: error.code, message: error.message, fieldErrors }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Runs a return endpoint for the customer of a verified customer-account session token: the library answers
 * the CORS preflight and refuses a missing, forged or expired token (401); a token of another app or without a
 * logged-in customer is 401 here. Domain errors become their status, all with the extension's CORS headers.
 */
export async function asReturnsCustomer(request: Request, work: (customer: ReturnsCustomer) => Promise<Response>): Promise<Response> {
  const { sessionToken, cors }: { sessionToken: unknown; cors: Cors } = await authenticate.public.customerAccount(request);
  const customer = customerOf(sessionToken);
  if (!customer) return cors(Response.json({ error: "not_logged_in" }, { status: 401, headers: { "Cache-Control": "no-store" } }));
  try {
    return cors(await work(customer));
  } catch (error) {
    return cors(errorResponse(error));
  }
}

/** A JSON answer the browser must not cache. */
export const privateJson = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });

/** A draft with many items and long notes is still a few kilobytes. */
const MAX_JSON_BYTES = 128 * 1024;

/** A JSON body parsed by `schema`: 413 when too large, 400 when not JSON, 422 with field messages when invalid. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const bytes = await readBodyWithinLimit(request, MAX_JSON_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new MalformedPayloadError("The body is not JSON");
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw InvalidInputError.fromZod(result.error);
  return result.data;
}

/** Query parameters parsed by `schema`; 422 with field messages when invalid. */
export function readQuery<T>(request: Request, schema: z.ZodType<T>): T {
  const result = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!result.success) throw InvalidInputError.fromZod(result.error);
  return result.data;
}

/** The shopper's language as the extension reports it; anything else falls back to English. */
export const localeSchema = z
  .string()
  .optional()
  .transform((value): PageLocale => {
    const language = (value ?? "").slice(0, 2).toLowerCase();
    return (PAGE_LOCALES as readonly string[]).includes(language) ? (language as PageLocale) : "en";
  });
