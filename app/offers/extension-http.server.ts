import { z } from "zod";
import { DomainError, httpStatusOf, InvalidInputError, MalformedPayloadError } from "~/errors";
import { logger } from "~/logger.server";
import { readBodyWithinLimit } from "~/webhooks/body-limit";
import { InvalidPostPurchaseTokenError } from "./token-errors";

/** Extension bodies are a few ids: anything larger is not ours. */
const MAX_BODY_BYTES = 8 * 1024;

// Extensions run in Shopify's sandboxed origins and authenticate with a bearer token, never cookies: any origin may call.
const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Max-Age": "7200",
};

/** Adds the CORS headers extension requests need. */
export function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

/** The answer to the browser's CORS preflight. */
export function preflight(): Response {
  return withCors(new Response(null, { status: 204 }));
}

/** The bearer token of a request; InvalidPostPurchaseTokenError (401) when there is none. */
export function bearerToken(request: Request): string {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("Authorization") ?? "");
  if (!match?.[1]) throw new InvalidPostPurchaseTokenError("The Authorization header has no bearer token");
  return match[1];
}

/** A JSON body parsed by `schema`: 413 when too large, 400 when not JSON, 422 with field messages when invalid. */
export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const bytes = await readBodyWithinLimit(request, MAX_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new MalformedPayloadError("The body is not JSON");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw InvalidInputError.fromZod(parsed.error);
  return parsed.data;
}

/** A domain error as the extension's JSON answer (status from httpStatusOf); anything else is rethrown. */
export function extensionErrorResponse(error: unknown): Response {
  if (!(error instanceof DomainError)) throw error;
  const status = httpStatusOf(error);
  if (status === 401) logger.info({ code: error.code }, "offer extension request refused");
  const fieldErrors = error instanceof InvalidInputError ? error.fieldErrors : undefined;
  return withCors(Response.json({ error: error.code, message: error.message, fieldErrors }, { status, headers: { "Cache-Control": "no-store" } }));
}

/** Runs an extension handler: OPTIONS is the preflight, domain errors become JSON statuses, all with CORS. */
export async function handleExtensionRequest(request: Request, handle: () => Promise<Response>): Promise<Response> {
  if (request.method === "OPTIONS") return preflight();
  try {
    return withCors(await handle());
  } catch (error) {
    return extensionErrorResponse(error);
  }
}

export const referenceIdSchema = z.string().trim().min(1).max(255);
export const offerIdSchema = z.string().trim().min(1).max(100);
/** "" when the offer runs no experiment. */
export const armIdSchema = z.string().max(50);
