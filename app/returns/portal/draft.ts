import { z } from "zod";
import { gid } from "~/orders/payload-fields";
import { outcomeSchema, returnMethodSchema, returnReasonSchema } from "../policy-schema";
import type { ExchangeItem, ReturnRequestInput } from "../request-schema";

/**
 * The shopper's choices so far, carried from step to step in a hidden field (the portal runs without script
 * and keeps no server session). Nothing in it is trusted: every step re-checks it against the order and the
 * policy, prices come from the catalogue, and the backend evaluates the request again on submit.
 */
/** The most photos a shopper may add to one returned item. */
export const MAX_PHOTOS_PER_ITEM = 10;

export const draftSchema = z.object({
  items: z
    .array(
      z.object({
        lineItemId: gid("LineItem"),
        quantity: z.int().positive().max(10_000),
        reason: returnReasonSchema.optional(),
        note: z.string().max(2000).default(""),
        photos: z.array(z.string().regex(/^[0-9a-f]{32}\.(jpg|png|gif|webp|heic)$/)).max(MAX_PHOTOS_PER_ITEM).default([]),
      }),
    )
    .min(1)
    .max(250)
    .refine((items) => new Set(items.map((item) => item.lineItemId)).size === items.length),
  outcome: outcomeSchema.optional(),
  /** The variant chosen in place of each returned line, for an exchange. */
  exchange: z.array(z.object({ lineItemId: gid("LineItem"), variantId: gid("ProductVariant") })).max(250).optional(),
  method: returnMethodSchema.optional(),
});
export type Draft = z.infer<typeof draftSchema>;

/** The draft as hidden-field text (base64url JSON). */
export function encodeDraft(draft: Draft): string {
  return Buffer.from(JSON.stringify(draft)).toString("base64url");
}

/** The draft from hidden-field text, or null when it is missing, tampered into another shape, or too large. */
export function decodeDraft(text: string | null | undefined): Draft | null {
  if (!text || text.length > 200_000) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The engine's request for a draft; reasons not chosen yet count as "other" and the outcome as `fallbackOutcome`. */
export function requestOf(draft: Draft, exchangeItems: ExchangeItem[], fallbackOutcome: Draft["outcome"] = "refund"): ReturnRequestInput {
  const outcome = draft.outcome ?? fallbackOutcome ?? "refund";
  return {
    items: draft.items.map((item) => ({
      lineItemId: item.lineItemId,
      quantity: item.quantity,
      reason: item.reason ?? "other",
      note: item.note,
      photoCount: item.photos.length,
    })),
    outcome,
    ...(outcome === "exchange" ? { exchange: { items: exchangeItems } } : {}),
    ...(draft.method ? { method: draft.method } : {}),
  };
}
