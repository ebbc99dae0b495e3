import { z } from "zod";

// PostgreSQL text cannot hold NUL: refused as invalid input instead of failing the query as a 500.
const hasNoNul = (value: string) => !value.includes("\0");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(hasNoNul, "must not contain NUL characters")
    .optional()
    .transform((value) => value || undefined);

/**
 * The look-up form's fields: the email and the order number or, instead, a parcel's tracking number. Lengths
 * are capped so hostile input never reaches a query at any size.
 */
export const lookupInputSchema = z
  .object({
    order: optionalText(40),
    trackingNumber: optionalText(60),
    email: z.string().trim().min(3).max(254).refine(hasNoNul, "must not contain NUL characters"),
  })
  .refine((input) => input.order || input.trackingNumber, { message: "an order number or a tracking number is required", path: ["order"] });

export type LookupInput = z.infer<typeof lookupInputSchema>;

/**
 * The order names a shopper may mean by what they typed: Shopify names orders "#1001" and shoppers type
 * "1001", "#1001" or "# 1001".
 */
export function candidateOrderNames(typed: string): string[] {
  const bare = typed.trim().replace(/^#\s*/, "");
  return bare ? [...new Set([`#${bare}`, bare])] : [];
}

/** An email address as compared: trimmed and lower-cased (shoppers' capitalisation varies). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
