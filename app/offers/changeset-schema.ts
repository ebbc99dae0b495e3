import { z } from "zod";
import { decimalText } from "./targeting-schema";

/**
 * The changes a post-purchase changeset may request, with Shopify's documented field names
 * (@shopify/post-purchase-ui-extensions `AddVariantChange`, `AddShippingLineChange`, `ExplicitDiscount`).
 * Ids and amounts are kept as digit/decimal text here and written into the JWT as exact JSON numbers.
 */

/** A variant id as a gid, digit string or safe integer → its digits. */
const variantIdDigits = z
  .union([z.string(), z.int().nonnegative()])
  .transform(String)
  .pipe(
    z
      .string()
      .regex(/^(gid:\/\/shopify\/ProductVariant\/)?\d+$/, "must be a ProductVariant gid or its numeric id")
      .transform((id) => id.replace("gid://shopify/ProductVariant/", "")),
  );

/** Numbers are accepted for convenience and kept as text, so no float rounding creeps in. */
const amountText = z.union([z.number().nonnegative(), z.string()]).transform(String).pipe(decimalText);

export const explicitDiscountSchema = z
  .object({ value: amountText, valueType: z.enum(["percentage", "fixed_amount"]), title: z.string().trim().min(1).max(255) })
  .refine((discount) => discount.valueType !== "percentage" || Number(discount.value) <= 100, {
    message: "a percentage discount cannot exceed 100",
    path: ["value"],
  });

export const addVariantChangeSchema = z.object({
  type: z.literal("add_variant"),
  variantId: variantIdDigits,
  quantity: z.int().min(1).max(1_000),
  discount: explicitDiscountSchema.optional(),
});

export const addShippingLineChangeSchema = z.object({
  type: z.literal("add_shipping_line"),
  price: amountText,
  title: z.string().trim().min(1).optional(),
  presentmentTitle: z.string().trim().min(1).optional(),
});

export const changesSchema = z.array(z.discriminatedUnion("type", [addVariantChangeSchema, addShippingLineChangeSchema])).min(1);

export type PostPurchaseChangeInput = z.input<typeof changesSchema>[number];
export type PostPurchaseChange = z.output<typeof changesSchema>[number];
