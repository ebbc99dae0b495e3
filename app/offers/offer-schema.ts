import { z } from "zod";
import { InvalidInputError } from "~/errors";
import { decimalText, gidOf, targetingRuleSchema } from "./targeting-schema";

/**
 * The merchant's offer document: what to offer, to whom, at what discount, within which limits. Parsed
 * with defaults filled in, so the engine never guesses.
 */

export const SURFACES = ["post_purchase", "thank_you", "order_status", "tracking_page"] as const;
export const surfaceSchema = z.enum(SURFACES);
export type Surface = z.infer<typeof surfaceSchema>;

/** A percentage in (0, 100] with at most two decimals; numbers are accepted and kept as exact text. */
const percentText = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, "must be a percentage with at most two decimals"))
  .refine((percent) => Number(percent) > 0 && Number(percent) <= 100, "must be more than 0 and at most 100");

export const discountSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("percentage"), percent: percentText }),
  /** Off each unit, in the shop's currency; never more than the unit price. */
  z.object({ kind: z.literal("fixed_amount"), amount: decimalText }),
  /** The product at full price, without the offer's shipping fee. */
  z.object({ kind: z.literal("free_shipping") }),
]);
export type OfferDiscount = z.infer<typeof discountSchema>;

export const productSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), productId: gidOf("Product"), variantId: gidOf("ProductVariant") }),
  /** The best in-stock candidate from the recommendations supplied with the order (Shopify's product recommendations). */
  z.object({ kind: z.literal("recommended"), excludeProductIds: z.array(gidOf("Product")).default([]) }),
]);
export type ProductSource = z.infer<typeof productSourceSchema>;

const copySchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(2_000).optional(),
  /** The discount's name on the buyer's order ("Thank-you discount"); generated from the discount when absent. */
  discountTitle: z.string().trim().min(1).max(255).optional(),
});

/** One A/B arm. Unset fields fall back to the offer's own. Weight 0 pauses the arm. */
const armSchema = z.object({
  id: z.string().trim().min(1).max(50),
  weight: z.int().min(0).max(10_000),
  product: productSourceSchema.optional(),
  quantity: z.int().min(1).max(100).optional(),
  discount: discountSchema.optional(),
  copy: copySchema.optional(),
});
export type OfferArm = z.infer<typeof armSchema>;

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "must be a local date-time like 2026-07-01T09:00 (no offset)")
  .refine(isCalendarDateTime, "is not a real date and time");

/** Rejects dates JS would silently roll over (2026-02-30 → March 2). */
function isCalendarDateTime(text: string): boolean {
  const withSeconds = text.length === 16 ? `${text}:00` : text;
  const parsed = new Date(`${withSeconds}Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === withSeconds;
}

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone like Europe/Paris");

/** A window in the merchant's wall-clock time: starts inclusive, ends exclusive. */
const scheduleSchema = z
  .object({ startsAt: localDateTime.optional(), endsAt: localDateTime.optional(), timeZone: timeZone.default("UTC") })
  .refine((s) => !s.startsAt || !s.endsAt || s.startsAt < s.endsAt, { message: "must end after it starts", path: ["endsAt"] });
export type OfferSchedule = z.infer<typeof scheduleSchema>;

const limitsSchema = z.object({
  /** Accepts per customer, over all their orders. */
  maxPerCustomer: z.int().min(1).optional(),
  /** Accepts across all shoppers (stock set aside for the offer). */
  maxAccepts: z.int().min(1).optional(),
  /** Total discount the merchant will give through this offer, in the shop's currency. */
  discountBudget: decimalText.optional(),
});

export const offerSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    status: z.enum(["active", "paused", "archived"]).default("active"),
    surfaces: z.array(surfaceSchema).min(1).default(["post_purchase"]),
    /** Higher wins; expected value breaks ties. */
    priority: z.int().min(0).max(1_000).default(0),
    targeting: targetingRuleSchema.default({ all: [] }),
    product: productSourceSchema,
    quantity: z.int().min(1).max(100).default(1),
    discount: discountSchema.default({ kind: "none" }),
    /** The most the discount may take off one unit, whatever the percentage or amount says. */
    maxDiscount: decimalText.optional(),
    /** Charged as a shipping line with the product, unless the discount is free shipping. */
    shippingFee: decimalText.optional(),
    /** Consumables the shopper may want more of: may be offered even when already in the order. */
    replenishable: z.boolean().default(false),
    limits: limitsSchema.default({}),
    schedule: scheduleSchema.default({ timeZone: "UTC" }),
    arms: z.array(armSchema).default([]),
    copy: copySchema.optional(),
  })
  .refine((offer) => new Set(offer.arms.map((arm) => arm.id)).size === offer.arms.length, {
    message: "arm ids must be unique",
    path: ["arms"],
  });

export type Offer = z.infer<typeof offerSchema>;
export type OfferInput = z.input<typeof offerSchema>;

/** Parses a merchant's offer document, throwing `InvalidInputError` with field messages when it is invalid. */
export function parseOffer(input: unknown): Offer {
  const result = offerSchema.safeParse(input);
  if (!result.success) throw InvalidInputError.fromZod(result.error, "The offer is invalid");
  return result.data;
}
