import type { ReturnDraft } from "./contract";

type Item = ReturnDraft["items"][number];

/** The shopper's answers as the flow keeps them, per order line. */
export interface Choices {
  quantities: Record<string, number>;
  reasons: Record<string, Item["reason"]>;
  notes: Record<string, string>;
  /** Keys of uploaded photos. */
  photos: Record<string, string[]>;
  outcome?: ReturnDraft["outcome"];
  variants: Record<string, string>;
  method?: ReturnDraft["method"];
}

export const noChoices = (): Choices => ({ quantities: {}, reasons: {}, notes: {}, photos: {}, variants: {} });

/** The draft the endpoints check: the lines with a quantity, and the exchange variants only for an exchange. */
export function draftOf(choices: Choices): ReturnDraft {
  const items = Object.entries(choices.quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([lineItemId, quantity]) => ({
      lineItemId,
      quantity,
      ...(choices.reasons[lineItemId] ? { reason: choices.reasons[lineItemId] } : {}),
      note: choices.notes[lineItemId] ?? "",
      photos: choices.photos[lineItemId] ?? [],
    }));
  const exchange = choices.outcome === "exchange" ? items.flatMap((item) => (choices.variants[item.lineItemId] ? [{ lineItemId: item.lineItemId, variantId: choices.variants[item.lineItemId]! }] : [])) : undefined;
  return { items, ...(choices.outcome ? { outcome: choices.outcome } : {}), ...(exchange ? { exchange } : {}), ...(choices.method ? { method: choices.method } : {}) };
}
