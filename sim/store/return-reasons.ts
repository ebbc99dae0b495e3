import type { ReturnReasonCode } from "./types.ts";

export interface ReturnReasonDefinition {
  /** Numeric part of `gid://shopify/ReturnReasonDefinition/{id}`; the same in every shop (Shopify's standard list). */
  id: string;
  handle: string;
  name: string;
  /** The deprecated `ReturnReason` enum value Shopify still reports for line items using this definition. */
  legacyReason: ReturnReasonCode;
}

/** Shopify's standard return reasons, with the names its admin displays for the legacy enum values. */
export const RETURN_REASON_DEFINITIONS: readonly ReturnReasonDefinition[] = [
  { id: "1", handle: "color", name: "Color", legacyReason: "COLOR" },
  { id: "2", handle: "defective", name: "Damaged or defective", legacyReason: "DEFECTIVE" },
  { id: "3", handle: "not-as-described", name: "Item not as described", legacyReason: "NOT_AS_DESCRIBED" },
  { id: "4", handle: "other", name: "Other", legacyReason: "OTHER" },
  { id: "5", handle: "size-too-large", name: "Size was too large", legacyReason: "SIZE_TOO_LARGE" },
  { id: "6", handle: "size-too-small", name: "Size was too small", legacyReason: "SIZE_TOO_SMALL" },
  { id: "7", handle: "style", name: "Style", legacyReason: "STYLE" },
  { id: "8", handle: "unwanted", name: "Customer changed their mind", legacyReason: "UNWANTED" },
  { id: "9", handle: "wrong-item", name: "Received the wrong item", legacyReason: "WRONG_ITEM" },
];

export function reasonDefinition(id: string | null): ReturnReasonDefinition | undefined {
  return id === null ? undefined : RETURN_REASON_DEFINITIONS.find((definition) => definition.id === id);
}

export function definitionForLegacyReason(reason: ReturnReasonCode): ReturnReasonDefinition | undefined {
  return RETURN_REASON_DEFINITIONS.find((definition) => definition.legacyReason === reason);
}
