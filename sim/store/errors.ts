/**
 * A request the real Shopify would refuse (unknown resource, over-fulfilment, …); mapped to HTTP in one place.
 * `field` and `userErrorCode` say how a GraphQL mutation reports it in `userErrors` (path into the
 * mutation's arguments and the schema's error-code enum value), as Shopify does.
 */
export class StoreError extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "INVALID",
    message: string,
    readonly field: string[] | null = null,
    readonly userErrorCode: string | null = null,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

export function throwIfMissing<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new StoreError("NOT_FOUND", `${what} not found`);
  return value;
}

export function throwIfInvalid(condition: boolean, message: string, field: string[] | null = null, userErrorCode: string | null = "INVALID"): void {
  if (condition) throw new StoreError("INVALID", message, field, userErrorCode);
}
