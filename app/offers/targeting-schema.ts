import { z } from "zod";

/**
 * Targeting rules: leaf conditions about the order, combined with all / any / not. An offer with
 * `{ all: [] }` targets every order.
 */

export const decimalText = z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal amount like 12.50");

/** A Shopify GraphQL id of one resource type, e.g. gid://shopify/Product/123. */
export const gidOf = (type: string) =>
  z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `must be a gid://shopify/${type}/… id`);

const tagList = z.array(z.string().trim().min(1).max(255)).min(1);

const conditionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("products_in_order"), productIds: z.array(gidOf("Product")).min(1) }),
  z.object({ type: z.literal("collections_in_order"), collectionIds: z.array(gidOf("Collection")).min(1) }),
  /** Tags of the products in the order (not the order's own tags). */
  z.object({ type: z.literal("product_tags_in_order"), tags: tagList }),
  /** The order total in the shop's currency, bounds inclusive. */
  z
    .object({ type: z.literal("order_value"), min: decimalText.optional(), max: decimalText.optional() })
    .refine((rule) => rule.min !== undefined || rule.max !== undefined, "needs min, max or both"),
  z.object({ type: z.literal("customer_tags"), tags: tagList }),
  /** The customer's number of orders, bounds inclusive. */
  z
    .object({ type: z.literal("customer_order_count"), min: z.int().min(0).optional(), max: z.int().min(0).optional() })
    .refine((rule) => rule.min !== undefined || rule.max !== undefined, "needs min, max or both"),
  z.object({
    type: z.literal("shipping_country"),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")).min(1),
  }),
  /** Any of `codes` used (case-insensitive); an empty list means any discount code at all. */
  z.object({ type: z.literal("discount_code_used"), codes: z.array(z.string().trim().min(1)) }),
]);

export type TargetingCondition = z.infer<typeof conditionSchema>;
export type TargetingRule =
  | TargetingCondition
  | { all: TargetingRule[] }
  | { any: TargetingRule[] }
  | { not: TargetingRule };

export const targetingRuleSchema: z.ZodType<TargetingRule> = z.lazy(() =>
  z.union([
    conditionSchema,
    z.strictObject({ all: z.array(targetingRuleSchema) }),
    z.strictObject({ any: z.array(targetingRuleSchema).min(1) }),
    z.strictObject({ not: targetingRuleSchema }),
  ]),
);
