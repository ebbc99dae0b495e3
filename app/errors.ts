import type { z } from "zod";

/**
 * Aftercare's typed domain errors. Code throws these for broken invariants; `httpStatusOf` is the one place
 * that decides what HTTP status each becomes, so routes never pick status codes for domain failures.
 */

/** The base of every domain error; `code` is stable and safe to log or return. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A record the caller asked for does not exist in this shop. */
export class NotFoundError extends DomainError {
  readonly code = "not_found";
  constructor(readonly resource: string, readonly id: string) {
    super(`${resource} ${id} was not found`);
  }
}

/** Input failed validation; `fieldErrors` names each field and what is wrong with it. */
export class InvalidInputError extends DomainError {
  readonly code = "invalid_input";
  constructor(readonly fieldErrors: Record<string, string[]>, message = "The input is invalid") {
    super(message);
  }

  /** The field messages of a zod failure, keyed by dotted path ("branding.primaryColor"). */
  static fromZod(error: z.ZodError, message?: string): InvalidInputError {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const path = issue.path.map(String).join(".") || "_";
      (fieldErrors[path] ??= []).push(issue.message);
    }
    return new InvalidInputError(fieldErrors, message);
  }
}

/** The request conflicts with the current state (e.g. a transition the state machine forbids). */
/** Credentials (a token, a signature) that are missing, forged or expired (→ 401). */
export class UnauthenticatedError extends DomainError {
  readonly code: string = "unauthenticated";
}

export class ConflictError extends DomainError {
  readonly code = "conflict";
}

/** The caller is who they say but may not touch this record (another customer's order or return → 403). */
export class ForbiddenError extends DomainError {
  readonly code = "forbidden";
}

/** A service besides Shopify (a carrier-label provider, …) failed or refused (→ 502). */
export class UpstreamServiceError extends DomainError {
  readonly code: string = "upstream_error";
}

/** A request body larger than the app accepts. */
export class PayloadTooLargeError extends DomainError {
  readonly code = "payload_too_large";
  constructor(readonly limitBytes: number) {
    super(`The body exceeds ${limitBytes} bytes`);
  }
}

/** A body (webhook, extension request) that is not the shape the app expects; retrying cannot fix it. */
export class MalformedPayloadError extends DomainError {
  readonly code = "malformed_payload";
}

/** The shop has not installed the app, or has uninstalled it. */
export class ShopNotInstalledError extends DomainError {
  readonly code = "shop_not_installed";
  constructor(readonly shop: string) {
    super(`${shop} has not installed the app`);
  }
}

/** Shopify answered a mutation with `userErrors`. */
export class ShopifyUserErrorsError extends DomainError {
  readonly code = "shopify_user_errors";
  constructor(readonly userErrors: ReadonlyArray<{ field?: readonly string[] | null; message: string }>) {
    super(`Shopify rejected the request: ${userErrors.map((error) => error.message).join("; ")}`);
  }
}

/** The Admin API failed or answered with something we cannot use (GraphQL errors, unexpected shape). */
export class ShopifyApiError extends DomainError {
  readonly code = "shopify_api_error";
}

/** Throws `ShopifyUserErrorsError` when a mutation's `userErrors` is not empty. */
export function throwIfUserErrors(userErrors: ReadonlyArray<{ field?: readonly string[] | null; message: string }> | null | undefined): void {
  if (userErrors?.length) throw new ShopifyUserErrorsError(userErrors);
}

/** The HTTP status a thrown value becomes: domain errors by type, anything else 500. */
export function httpStatusOf(error: unknown): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof InvalidInputError) return 422;
  if (error instanceof ShopifyUserErrorsError) return 422;
  if (error instanceof ConflictError) return 409;
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof PayloadTooLargeError) return 413;
  if (error instanceof MalformedPayloadError) return 400;
  if (error instanceof ShopNotInstalledError) return 403;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof ShopifyApiError) return 502;
  if (error instanceof UpstreamServiceError) return 502;
  return 500;
}
