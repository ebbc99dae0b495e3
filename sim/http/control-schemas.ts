import { z } from "zod";
import { SHIPMENT_STATUSES } from "../store/types.ts";

// Request bodies of the /_sim control API. Ids are strings (numeric or gid); times are ISO strings.

const id = z.string().min(1);
const time = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const addressSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  company: z.string().nullable().default(null),
  address1: z.string(),
  address2: z.string().nullable().default(null),
  city: z.string(),
  province: z.string().nullable().default(null),
  provinceCode: z.string().nullable().default(null),
  country: z.string(),
  countryCode: z.string().length(2),
  zip: z.string(),
  phone: z.string().nullable().default(null),
  latitude: z.number().nullable().default(null),
  longitude: z.number().nullable().default(null),
});

export const createCustomerBody = z.object({
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable().optional(),
  locale: z.string().optional(),
  emailMarketing: z.enum(["subscribed", "not_subscribed", "unsubscribed", "pending"]).optional(),
  smsMarketing: z.enum(["subscribed", "not_subscribed", "unsubscribed", "pending"]).optional(),
  address: addressSchema.partial({ firstName: true, lastName: true }),
  at: time.optional(),
});

export const createOrderBody = z.object({
  customerId: id.nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  lineItems: z.array(z.object({ variantId: id, quantity: z.number().int().positive() })).min(1),
  shippingAddress: addressSchema.nullable().optional(),
  shipping: z.object({ title: z.string(), priceCents: z.number().int().nonnegative() }).optional(),
  payment: z.enum(["paid", "pending", "authorized"]).optional(),
  tags: z.array(z.string()).optional(),
  note: z.string().nullable().optional(),
  customerLocale: z.string().optional(),
  discountCodes: z.array(z.string()).optional(),
  at: time.optional(),
});

export const updateOrderBody = z.object({
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
  note: z.string().nullable().optional(),
  shippingAddress: addressSchema.nullable().optional(),
  closed: z.boolean().optional(),
  at: time.optional(),
});

export const cancelOrderBody = z.object({
  reason: z.enum(["customer", "declined", "fraud", "inventory", "other", "staff"]).optional(),
  refund: z.boolean().optional(),
  restock: z.boolean().optional(),
  at: time.optional(),
});

const trackingSchema = z.object({ number: z.string().min(1), company: z.string().nullable().optional(), url: z.string().nullable().optional() });

export const fulfillBody = z.object({
  lineItems: z.array(z.object({ lineItemId: id, quantity: z.number().int().positive() })).optional(),
  tracking: z.array(trackingSchema).optional(),
  trackingCompany: z.string().nullable().optional(),
  notifyCustomer: z.boolean().optional(),
  at: time.optional(),
});

export const trackingUpdateBody = z.object({
  tracking: z.array(trackingSchema),
  trackingCompany: z.string().nullable().optional(),
  notifyCustomer: z.boolean().optional(),
  at: time.optional(),
});

export const fulfillmentEventBody = z.object({
  status: z.enum(SHIPMENT_STATUSES),
  happenedAt: time.optional(),
  message: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  province: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  zip: z.string().nullable().optional(),
  address1: z.string().nullable().optional(),
  latitude: z.number().nullable().optional(),
  longitude: z.number().nullable().optional(),
  estimatedDeliveryAt: time.nullable().optional(),
  at: time.optional(),
});

export const refundBody = z.object({
  lineItems: z
    .array(z.object({ lineItemId: id, quantity: z.number().int().positive(), restockType: z.enum(["no_restock", "cancel", "return", "legacy_restock"]).optional() }))
    .optional(),
  shipping: z.boolean().optional(),
  note: z.string().nullable().optional(),
  at: time.optional(),
});

const returnReason = z.enum(["COLOR", "DEFECTIVE", "NOT_AS_DESCRIBED", "OTHER", "SIZE_TOO_LARGE", "SIZE_TOO_SMALL", "STYLE", "UNKNOWN", "UNWANTED", "WRONG_ITEM"]);

export const requestReturnBody = z.object({
  lineItems: z
    .array(
      z.object({
        fulfillmentLineItemId: id,
        quantity: z.number().int().positive(),
        reason: returnReason.optional(),
        returnReasonNote: z.string().optional(),
        customerNote: z.string().nullable().optional(),
      }),
    )
    .min(1),
  /** Merchant-created (status OPEN, `returns/approve`) instead of customer-requested. */
  approved: z.boolean().optional(),
  exchangeLineItems: z.array(z.object({ variantId: id, quantity: z.number().int().positive() })).optional(),
  at: time.optional(),
});

export const returnTransitionBody = z.object({
  declineReason: z.enum(["FINAL_SALE", "OTHER", "RETURN_PERIOD_ENDED"]).optional(),
  declineNote: z.string().nullable().optional(),
  at: time.optional(),
});

/** "Restock and refund" in the admin; without line items, every unprocessed item of the return. */
export const processReturnBody = z.object({
  lineItems: z.array(z.object({ returnLineItemId: id, quantity: z.number().int().positive(), restock: z.boolean().optional() })).optional(),
  exchangeLineItems: z.array(z.object({ exchangeLineItemId: id, quantity: z.number().int().positive() })).optional(),
  /** Cents to the original payment and as store credit; default: the processed items' value to the original payment. */
  refund: z.object({ originalPaymentCents: z.number().int().nonnegative().optional(), storeCreditCents: z.number().int().nonnegative().optional() }).optional(),
  noRefund: z.boolean().optional(),
  refundShipping: z.boolean().optional(),
  note: z.string().nullable().optional(),
  at: time.optional(),
});

export const reverseDeliveryBody = z.object({
  trackingNumber: z.string().optional(),
  trackingUrl: z.string().optional(),
  labelUrl: z.string().optional(),
  at: time.optional(),
});

const consentChange = z.object({
  state: z.enum(["subscribed", "not_subscribed", "unsubscribed", "pending"]),
  optInLevel: z.enum(["single_opt_in", "confirmed_opt_in", "unknown"]).optional(),
  consentUpdatedAt: time.optional(),
  collectedFrom: z.enum(["shopify", "other"]).optional(),
});

/** A customer changing consent (STOP reply, unsubscribe link, account page) or the merchant changing it. */
export const consentBody = z.object({ sms: consentChange.optional(), email: consentChange.optional(), at: time.optional() });

export const atBody = z.object({ at: time.optional() });

export const scopesBody = z.object({ scopes: z.array(z.string()), at: time.optional() });

export const customerEventBody = z.object({ customerId: id, at: time.optional() });

export const deliveryModeBody = z.object({
  duplicate: z.number().int().min(1).max(10).optional(),
  shuffle: z.boolean().optional(),
  drop: z.union([z.boolean(), z.number().int().nonnegative()]).optional(),
  paused: z.boolean().optional(),
});

export const sessionTokenBody = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("admin"), shop: z.string(), userId: z.union([z.string(), z.number()]).optional(), lifetimeSeconds: z.number().int().optional() }),
  z.object({ kind: z.literal("customer-account"), shop: z.string(), customerId: z.string().optional(), lifetimeSeconds: z.number().int().optional() }),
]);

export const proxySignBody = z.object({
  shop: z.string(),
  path: z.string().optional(),
  customerId: z.string().nullable().optional(),
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
});

export const createShopBody = z.object({
  domain: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  currency: z.string().length(3).optional(),
  ianaTimezone: z.string().optional(),
});

export const seedBody = z.object({
  shop: z.string(),
  orders: z.number().int().positive().max(5000).optional(),
  days: z.number().int().positive().max(365).optional(),
  seed: z.number().int().optional(),
});
