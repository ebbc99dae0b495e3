import { z } from "zod";
import { gid } from "~/orders/payload-fields";
import { amountSchema, outcomeSchema, returnMethodSchema, returnReasonSchema } from "./policy-schema";

/** One order line the shopper wants to return. Quantities are whole, positive units. */
export const returnRequestItemSchema = z.object({
  lineItemId: gid("LineItem"),
  quantity: z.int("must be a whole number of items").positive().max(10_000),
  reason: returnReasonSchema,
  note: z
    .string()
    .max(2000)
    .nullish()
    .transform((value) => value?.trim() ?? ""),
  photoCount: z.int().min(0).max(20).default(0),
});
export type ReturnRequestItem = z.infer<typeof returnRequestItemSchema>;

/**
 * A variant the shopper wants instead. `unitPrice` must come from the catalogue (looked up by the caller),
 * never from the shopper's form.
 */
export const exchangeItemSchema = z.object({
  productId: gid("Product"),
  variantId: gid("ProductVariant"),
  title: z.string().trim().min(1),
  unitPrice: amountSchema,
  quantity: z.int("must be a whole number of items").positive().max(100),
});
export type ExchangeItem = z.infer<typeof exchangeItemSchema>;

/** What the shopper asks for. Exchange items are given exactly when the outcome is an exchange. */
export const returnRequestSchema = z
  .object({
    items: z
      .array(returnRequestItemSchema)
      .min(1)
      .max(250)
      // Two entries for one line could each pass the quantity check while together exceeding it.
      .refine((items) => new Set(items.map((item) => item.lineItemId)).size === items.length, "must list each line item once"),
    outcome: outcomeSchema,
    exchange: z.object({ items: z.array(exchangeItemSchema).min(1).max(50) }).optional(),
    /** May be left out while every item is kept (nothing travels back). */
    method: returnMethodSchema.optional(),
  })
  .superRefine((request, context) => {
    if (request.outcome === "exchange" && !request.exchange) {
      context.addIssue({ code: "custom", path: ["exchange"], message: "is required for an exchange" });
    }
    if (request.outcome !== "exchange" && request.exchange) {
      context.addIssue({ code: "custom", path: ["exchange"], message: "is only allowed for an exchange" });
    }
  });
export type ReturnRequest = z.infer<typeof returnRequestSchema>;
export type ReturnRequestInput = z.input<typeof returnRequestSchema>;
