/** A request the real Shopify would refuse (unknown resource, over-fulfilment, …); mapped to HTTP in one place. */
export class StoreError extends Error {
  constructor(
    readonly code: "NOT_FOUND" | "INVALID",
    message: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

export function throwIfMissing<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new StoreError("NOT_FOUND", `${what} not found`);
  return value;
}

export function throwIfInvalid(condition: boolean, message: string): void {
  if (condition) throw new StoreError("INVALID", message);
}
