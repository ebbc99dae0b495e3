import { z } from "zod";
import { gid } from "~/orders/payload-fields";

/**
 * A shop's return policy: the document merchants edit and the engine evaluates. Every field has a default,
 * so `returnPolicySchema.parse({})` is a complete, sensible policy (30 days from delivery, refunds, store
 * credit and same-product exchanges, no fees) and a document saved by an older version stays valid.
 *
 * Amounts are decimal text in the shop's currency; the engine is given orders priced in that currency too
 * (Shopify's `shopMoney`), so a fixed fee never needs converting.
 */

/** Shopify's return reason handles (ReturnReason). */
export const RETURN_REASONS = [
  "size_too_small",
  "size_too_large",
  "unwanted",
  "not_as_described",
  "wrong_item",
  "defective",
  "style",
  "color",
  "other",
] as const;
export const returnReasonSchema = z.enum(RETURN_REASONS);
export type ReturnReason = z.infer<typeof returnReasonSchema>;

/** What the shopper gets back: money to the original payment, store credit, or other goods. */
export const OUTCOMES = ["exchange", "store_credit", "refund"] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

/** How the item travels back. */
export const RETURN_METHODS = ["mail_label", "drop_off", "in_store"] as const;
export const returnMethodSchema = z.enum(RETURN_METHODS);
export type ReturnMethod = z.infer<typeof returnMethodSchema>;

/** The moment the return window is counted from. */
export const WINDOW_BASES = ["delivered", "fulfilled", "ordered"] as const;
export type WindowBasis = (typeof WINDOW_BASES)[number];

/** A non-negative amount as decimal text ("5", "4.99"). */
export const amountSchema = z.string().trim().regex(/^\d{1,12}(\.\d{1,6})?$/, "must be an amount like 5.00");

const percentSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9, "must have at most two decimals");

const uniqueList = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((values) => new Set(values).size === values.length, "must not repeat a value");

const feeSchema = z.discriminatedUnion("type", [
  /** A share of the paid price of each returned item. */
  z.object({ type: z.literal("percent"), percent: percentSchema }),
  /** A fixed amount per returned unit. */
  z.object({ type: z.literal("per_item"), amount: amountSchema }),
]);
export type FeeSpec = z.infer<typeof feeSchema>;

const textList = z.array(z.string().trim().min(1).max(255)).max(1000).default([]);

/** What a rule applies to: a line matches when ANY listed id, tag, type or vendor matches it. */
const ruleMatchSchema = z
  .object({
    productIds: z.array(gid("Product")).max(1000).default([]),
    variantIds: z.array(gid("ProductVariant")).max(1000).default([]),
    collectionIds: z.array(gid("Collection")).max(1000).default([]),
    tags: textList,
    productTypes: textList,
    vendors: textList,
  })
  .strict()
  .refine((match) => Object.values(match).some((values) => values.length > 0), {
    message: "must name at least one product, variant, collection, tag, product type or vendor",
  });
export type RuleMatch = z.infer<typeof ruleMatchSchema>;

const ruleEffectSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("final_sale") }),
  z.object({ type: z.literal("non_returnable") }),
  z.object({ type: z.literal("exchange_only") }),
  z.object({ type: z.literal("store_credit_only") }),
  z.object({ type: z.literal("window_days"), days: z.int().min(0).max(730) }),
  /** Replaces the policy's restocking fee for the matched items (percent 0 removes it). */
  z.object({ type: z.literal("restocking_fee"), fee: feeSchema }),
  /** An extra fee per returned unit, e.g. for oversized goods. */
  z.object({ type: z.literal("handling_fee"), amount: amountSchema }),
]);
export type RuleEffect = z.infer<typeof ruleEffectSchema>;

/**
 * A product rule. Flag effects (final sale, non-returnable, exchange/store-credit only) add up across every
 * matching rule; value effects (window days, restocking fee) come from the first matching rule that has
 * one, so the merchant orders rules by priority. Handling fees of all matching rules are charged.
 */
const ruleSchema = z.object({
  id: z.string().trim().min(1).max(64),
  /** Shown to merchants, and to shoppers when it explains a decision ("Swimwear"). */
  label: z.string().trim().min(1).max(100),
  match: ruleMatchSchema,
  effects: z.array(ruleEffectSchema).min(1).max(10),
});
export type ProductRule = z.infer<typeof ruleSchema>;

const reasonRuleSchema = z.object({
  offered: z.boolean().default(true),
  photoRequired: z.boolean().default(false),
  minPhotos: z.int().min(1).max(10).default(1),
  noteRequired: z.boolean().default(false),
  minNoteLength: z.int().min(1).max(1000).default(1),
  /** The merchant's fault (defective, wrong item): no restocking, handling or return shipping fees. */
  waivesFees: z.boolean().default(false),
});
export type ReasonRule = z.infer<typeof reasonRuleSchema>;

// Defaults follow what returns apps ship with: proof for damage and mistakes, which the merchant pays for.
const reasonsSchema = z.object({
  size_too_small: reasonRuleSchema.prefault({}),
  size_too_large: reasonRuleSchema.prefault({}),
  unwanted: reasonRuleSchema.prefault({}),
  not_as_described: reasonRuleSchema.prefault({ noteRequired: true, minNoteLength: 10 }),
  wrong_item: reasonRuleSchema.prefault({ photoRequired: true, waivesFees: true }),
  defective: reasonRuleSchema.prefault({ photoRequired: true, noteRequired: true, minNoteLength: 10, waivesFees: true }),
  style: reasonRuleSchema.prefault({}),
  color: reasonRuleSchema.prefault({}),
  other: reasonRuleSchema.prefault({ noteRequired: true, minNoteLength: 5 }),
}).strict();

/** The shopper keeps an item (no shipment back) when its unit price is at most maxUnitValue and its reason is listed. */
const keepItRuleSchema = z
  .object({
    /** null: any value. */
    maxUnitValue: amountSchema.nullable().default(null),
    /** Empty: any reason. */
    reasons: uniqueList(returnReasonSchema).default([]),
  })
  .refine((rule) => rule.maxUnitValue !== null || rule.reasons.length > 0, {
    message: "needs a value limit or reasons, otherwise nothing would ever be sent back",
  });
export type KeepItRule = z.infer<typeof keepItRuleSchema>;

const windowSchema = z.object({
  days: z.int().min(0).max(730).default(30),
  basis: z.enum(WINDOW_BASES).default("delivered"),
  /**
   * When the basis date is unknown (no delivery scan, a fulfillment without a date): count from the next
   * earlier date known (delivered → fulfilled → ordered), which keeps returns possible for carriers that
   * never report delivery, or wait until the date is known.
   */
  whenBasisDateUnknown: z.enum(["count_from_earlier_date", "wait"]).default("count_from_earlier_date"),
});
export type ReturnWindowPolicy = z.infer<typeof windowSchema>;

const feesSchema = z.object({
  restocking: feeSchema.nullable().default(null),
  /** Per request that ships items back, unless the method sets its own fee. */
  returnShipping: amountSchema.default("0"),
  /** Waivers that reward choosing an exchange. */
  waiveForExchanges: z
    .object({ restocking: z.boolean().default(false), returnShipping: z.boolean().default(false) })
    .prefault({}),
});

// Each method carries its own defaults, so a merchant who turns on in-store returns gets them free of charge.
const methodSchema = (defaults: { offered: boolean; fee: string | null }) =>
  z.object({
    offered: z.boolean().default(defaults.offered),
    /** Replaces `fees.returnShipping` for this method; null uses it. */
    fee: amountSchema.nullable().default(defaults.fee),
  });

const methodsSchema = z
  .object({
    mail_label: methodSchema({ offered: true, fee: null }).prefault({}),
    drop_off: methodSchema({ offered: false, fee: null }).prefault({}),
    in_store: methodSchema({ offered: false, fee: "0" }).prefault({}),
  })
  .refine((methods) => Object.values(methods).some((method) => method.offered), { message: "must offer at least one method" });

const outcomesSchema = z.object({
  /** Offered outcomes in the order the portal shows them. */
  offered: uniqueList(outcomeSchema).min(1).default(["exchange", "store_credit", "refund"]),
  storeCreditBonusPercent: percentSchema.default(0),
  exchangeBonusPercent: percentSchema.default(0),
});

const exchangeSchema = z.object({
  /** Another variant of a returned product, or anything in the store. */
  scope: z.enum(["same_product", "any_product"]).default("same_product"),
  whenNewItemsCostMore: z.enum(["shopper_pays", "not_allowed"]).default("shopper_pays"),
  whenNewItemsCostLess: z.enum(["refund", "store_credit", "forfeit"]).default("store_credit"),
});

/** A request is approved without review when it is submittable and every condition of one rule holds. */
const autoApprovalRuleSchema = z
  .object({
    /** Empty: any outcome. */
    outcomes: uniqueList(outcomeSchema).default([]),
    /** The most the returned items may be worth in total; null: any value. */
    maxValue: amountSchema.nullable().default(null),
    /** Every item's reason must be listed; empty: any reason. */
    reasons: uniqueList(returnReasonSchema).default([]),
  })
  .refine((rule) => rule.outcomes.length > 0 || rule.maxValue !== null || rule.reasons.length > 0, {
    message: "needs at least one condition; use it deliberately by listing every outcome",
  });
export type AutoApprovalRule = z.infer<typeof autoApprovalRuleSchema>;

/** The shop's return policy document, every field defaulted. */
export const returnPolicySchema = z
  .object({
    enabled: z.boolean().default(true),
    window: windowSchema.prefault({}),
    rules: z.array(ruleSchema).max(200).default([]),
    reasons: reasonsSchema.prefault({}),
    keepIt: z.array(keepItRuleSchema).max(20).default([]),
    fees: feesSchema.prefault({}),
    methods: methodsSchema.prefault({}),
    outcomes: outcomesSchema.prefault({}),
    exchange: exchangeSchema.prefault({}),
    autoApproval: z.array(autoApprovalRuleSchema).max(20).default([]),
  })
  .superRefine((policy, context) => {
    const seen = new Set<string>();
    policy.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) context.addIssue({ code: "custom", path: ["rules", index, "id"], message: "must be unique" });
      seen.add(rule.id);
    });
  });

export type ReturnPolicy = z.infer<typeof returnPolicySchema>;
export type ReturnPolicyInput = z.input<typeof returnPolicySchema>;

/** The policy a shop starts with. */
export const DEFAULT_RETURN_POLICY: ReturnPolicy = returnPolicySchema.parse({});
