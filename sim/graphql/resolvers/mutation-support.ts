import { StoreError } from "../../store/errors.ts";
import { parseId, type NumericId } from "../../store/ids.ts";
import type { Cents } from "../../store/types.ts";
import { centsFromDecimal } from "../scalars.ts";

export interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}

/**
 * Runs a mutation the way Shopify reports refusals: a `StoreError` becomes one entry of `userErrors`
 * (its field path prefixed with the argument it came from) and the payload's object is null.
 */
export function runMutation<T extends object>(
  argumentPath: string[],
  emptyPayload: Record<string, null>,
  act: () => T,
  /** Fields the payload's error type has beyond field/message/code (e.g. `DiscountUserError.extraInfo`). */
  errorExtras: Record<string, null> = {},
): object {
  try {
    return { ...act(), userErrors: [] };
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    const field = [...argumentPath, ...(error.field ?? [])];
    return {
      ...emptyPayload,
      userErrors: [{ field: field.length > 0 ? field : null, message: error.message, code: error.userErrorCode ?? (error.code === "NOT_FOUND" ? "NOT_FOUND" : "INVALID"), ...errorExtras }],
    };
  }
}

/** A gid (or bare number) of the expected type, else a NOT_FOUND user error on that field. */
export function idOf(value: string, typeName: string, field: string[], what = typeName.replace(/([a-z])([A-Z])/g, "$1 $2")): NumericId {
  const id = parseId(value, typeName);
  if (!id) throw new StoreError("NOT_FOUND", `${what.charAt(0).toUpperCase()}${what.slice(1).toLowerCase()} does not exist.`, field, "NOT_FOUND");
  return id;
}

/** A `MoneyInput` in cents, checked against the order's currency. */
export function centsOf(money: { amount: string | number; currencyCode: string }, currency: string, field: string[]): Cents {
  const cents = centsFromDecimal(money.amount);
  if (cents === null) throw new StoreError("INVALID", "Amount is not a number.", [...field, "amount"], "NOT_A_NUMBER");
  if (money.currencyCode !== currency) throw new StoreError("INVALID", `Currency ${money.currencyCode} does not match the order currency ${currency}.`, [...field, "currencyCode"], "INVALID");
  return cents;
}
