import { z } from "zod";

/**
 * The claims of the token Shopify gives a post-purchase extension (`inputData.token`), as its JWT
 * specification documents them: `iss` is "shopify", `sub` the initial purchase's reference id, `iat`
 * always present, `exp` when set, no `jti`, and `input_data` carrying the extension's input (shop,
 * initialPurchase, locale…). Numeric ids arrive as JSON numbers and may exceed 2^53, so the payload is
 * parsed losslessly and ids are kept as digit text.
 */

const numericId = z.union([z.int().nonnegative(), z.string().regex(/^\d+$/)]).transform(String);

const money = z.object({ amount: z.union([z.string(), z.number()]).transform(String), currencyCode: z.string() });
const moneyBag = z.object({ shopMoney: money, presentmentMoney: money });

const lineItem = z.object({
  product: z.object({
    id: numericId,
    title: z.string().optional(),
    variant: z.object({ id: numericId, title: z.string().nullish() }),
  }),
  quantity: z.int().min(1),
  totalPriceSet: moneyBag,
  sellingPlanId: numericId.nullish(),
});

export const initialPurchaseSchema = z.object({
  referenceId: z.string().min(1),
  customerId: z.union([z.string(), z.int().nonnegative()]).transform(String).nullish(),
  destinationCountryCode: z.string().nullish(),
  totalPriceSet: moneyBag,
  lineItems: z.array(lineItem),
});
export type InitialPurchase = z.infer<typeof initialPurchaseSchema>;

export const shopifyInputClaimsSchema = z.object({
  iss: z.literal("shopify"),
  sub: z.string().min(1),
  iat: z.number(),
  exp: z.number().optional(),
  input_data: z.object({
    extensionPoint: z.string().optional(),
    initialPurchase: initialPurchaseSchema,
    locale: z.string().nullish(),
    shop: z.object({ id: numericId, domain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i) }),
    version: z.string().nullish(),
  }),
});
export type ShopifyInputClaims = z.infer<typeof shopifyInputClaimsSchema>;
