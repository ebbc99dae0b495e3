import { z } from "zod";
import { numericId } from "~/orders/payload-fields";

// Shapes as Shopify documents them for the mandatory compliance topics (API 2026-07). Only what we use is
// declared; other fields are ignored.

const customerSchema = z.object({
  id: numericId.nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
});

/** customers/data_request: a customer asked the merchant for the data the app holds on them. */
export const customerDataRequestSchema = z.object({
  shop_domain: z.string().min(1),
  customer: customerSchema,
  orders_requested: z.array(numericId).default([]),
  data_request: z.object({ id: numericId }).nullish(),
});

/** customers/redact: erase a customer's personal data. */
export const customerRedactSchema = z.object({
  shop_domain: z.string().min(1),
  customer: customerSchema,
  orders_to_redact: z.array(numericId).default([]),
});

/** shop/redact: 48 hours after uninstall, erase everything about the shop. */
export const shopRedactSchema = z.object({
  shop_domain: z.string().min(1),
  shop_id: numericId.nullish(),
});

export type CustomerDataRequest = z.infer<typeof customerDataRequestSchema>;
export type CustomerRedact = z.infer<typeof customerRedactSchema>;
