import { NotFoundError } from "~/errors";

/**
 * PostgreSQL text cannot hold NUL (SQLite can, so the two databases would disagree): a NUL that reached a
 * query would fail it as a 500. Input is checked at the edge instead — ids become 404, fields 422 — and free
 * text the shopper typed loses its invisible control characters.
 */
export function containsNul(value: string): boolean {
  return value.includes("\0");
}

/** The zod refinement message for a field that holds NUL. */
export const NUL_MESSAGE = "must not contain NUL characters";

/** Throws NotFoundError for an id no record can have, before any query sees it. */
export function assertLookupId(resource: string, id: string): void {
  if (containsNul(id)) throw new NotFoundError(resource, "(invalid id)");
}

/** Free text without the control characters a keyboard cannot type (newlines and tabs stay). */
export function withoutControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}
