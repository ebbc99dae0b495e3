import { withoutControlCharacters } from "~/input/text";
import { z } from "zod";
import { OUTCOMES, RETURN_METHODS, RETURN_REASONS, type Outcome, type ReturnMethod, type ReturnPolicy, type ReturnReason } from "../policy-schema";
import type { ReturnableLine } from "../returnable-lines";
import type { Draft } from "./draft";
import type { PortalMessageKey } from "./messages";

/**
 * Each portal step's form, checked against what the shopper may choose. Pure: the caller gives the form's
 * text fields and what the order and policy allow; answers are the new draft or messages for the shopper.
 */

/** A message for the shopper, translated when rendered. */
export interface PortalProblem {
  key: PortalMessageKey;
  values?: Record<string, string | number>;
}

export type StepResult<T> = { ok: true; value: T } | { ok: false; problems: PortalProblem[] };

/** Reads one text field of a submitted form. */
export type FormText = (name: string) => string | null;

export const quantityField = (lineItemId: string) => `quantity:${lineItemId}`;
export const reasonField = (lineItemId: string) => `reason:${lineItemId}`;
export const noteField = (lineItemId: string) => `note:${lineItemId}`;
export const photoField = (lineItemId: string) => `photo:${lineItemId}`;
export const variantField = (lineItemId: string) => `variant:${lineItemId}`;

const wholeNumber = z.string().trim().regex(/^\d{1,6}$/).transform(Number);

/**
 * Step 1: how many of each line. Only lines of the order are read; a quantity above what can still be
 * returned (an edited form) or on a line that cannot be returned is refused, never clamped.
 */
export function parseItemsStep(field: FormText, lines: readonly ReturnableLine[]): StepResult<Draft["items"]> {
  const problems: PortalProblem[] = [];
  const items: Draft["items"] = [];
  for (const line of lines) {
    const raw = field(quantityField(line.lineItemId));
    if (raw === null || raw.trim() === "") continue;
    const quantity = wholeNumber.safeParse(raw);
    if (!quantity.success || quantity.data > line.returnableQuantity) {
      problems.push({ key: "quantityInvalid", values: { title: line.title, max: line.returnableQuantity } });
      continue;
    }
    if (quantity.data > 0) items.push({ lineItemId: line.lineItemId, quantity: quantity.data, note: "", photos: [] });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (items.length === 0) return { ok: false, problems: [{ key: "chooseItems" }] };
  return { ok: true, value: items };
}

/**
 * Step 2: a reason per item, offered by the policy, and its note (photos are stored by the caller). The items
 * come back either way, with what was valid filled in, so the page can show the shopper's answers again.
 */
export function parseReasonsStep(
  field: FormText,
  draft: Draft,
  policy: ReturnPolicy,
  titleOf: (lineItemId: string) => string,
): { items: Draft["items"]; problems: PortalProblem[] } {
  const problems: PortalProblem[] = [];
  const items = draft.items.map((item) => {
    const reason = field(reasonField(item.lineItemId));
    const offered = (RETURN_REASONS as readonly string[]).includes(reason ?? "") && policy.reasons[reason as ReturnReason].offered;
    if (!offered) problems.push({ key: "chooseReason", values: { title: titleOf(item.lineItemId) } });
    const note = withoutControlCharacters(field(noteField(item.lineItemId)) ?? "").slice(0, 2000).trim();
    return { ...item, reason: offered ? (reason as ReturnReason) : undefined, note };
  });
  return { items, problems };
}

/** Step 3: one of the outcomes the engine allows for these items. */
export function parseOutcomeStep(field: FormText, allowed: readonly Outcome[]): StepResult<Outcome> {
  const outcome = field("outcome");
  if (!(OUTCOMES as readonly string[]).includes(outcome ?? "") || !allowed.includes(outcome as Outcome)) {
    return { ok: false, problems: [{ key: "chooseOutcome" }] };
  }
  return { ok: true, value: outcome as Outcome };
}

/** A variant the shopper may pick instead of a returned line, with live inventory. */
export interface VariantOption {
  productId: string;
  variantId: string;
  productTitle: string;
  title: string;
  /** Decimal text from the catalogue. */
  price: string;
  /** null when the shop does not track inventory for it. */
  available: number | null;
  availableForSale: boolean;
}

/** Step 3 for an exchange: a variant per returned line, from its options, in stock for the quantity. */
export function parseExchangeStep(
  field: FormText,
  draft: Draft,
  optionsOf: (lineItemId: string) => readonly VariantOption[],
  titleOf: (lineItemId: string) => string,
): StepResult<NonNullable<Draft["exchange"]>> {
  const problems: PortalProblem[] = [];
  const chosen: NonNullable<Draft["exchange"]> = [];
  for (const item of draft.items) {
    const title = titleOf(item.lineItemId);
    const option = optionsOf(item.lineItemId).find((candidate) => candidate.variantId === field(variantField(item.lineItemId)));
    if (!option || !option.availableForSale) {
      problems.push({ key: "chooseVariant", values: { title } });
    } else if (option.available !== null && option.available < item.quantity) {
      problems.push({ key: "notEnoughStock", values: { title: `${option.productTitle} — ${option.title}`, count: Math.max(0, option.available) } });
    } else {
      chosen.push({ lineItemId: item.lineItemId, variantId: option.variantId });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: chosen };
}

/** Step 4: one of the methods the policy offers. */
export function parseMethodStep(field: FormText, policy: ReturnPolicy): StepResult<ReturnMethod> {
  const method = field("method");
  if (!(RETURN_METHODS as readonly string[]).includes(method ?? "") || !policy.methods[method as ReturnMethod].offered) {
    return { ok: false, problems: [{ key: "chooseMethod" }] };
  }
  return { ok: true, value: method as ReturnMethod };
}

/** The idempotency key the review form carries: a UUID made when the review was shown. */
export const idempotencyKeySchema = z.uuid();
