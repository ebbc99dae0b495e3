import { z } from "zod";
import type { ShopifyJson } from "~/webhooks/payload";
import {
  decimalText,
  gid,
  numericIdAsGid,
  optionalDecimal,
  optionalText,
  optionalTimestamp,
  parsePayload,
  timestamp,
} from "./payload-fields";
import {
  discountCodesText,
  joinTags,
  lowerCaseEnum,
  normaliseFulfillmentStatus,
  type CustomerContact,
  type LineItemFields,
  type OrderSnapshot,
} from "./order-snapshot";
import { restSmsMarketingConsent, smsConsentFromRest } from "./sms-consent";
import { restShippingLineSchema, shippingLinesFromRest } from "./shipping-lines";

/**
 * Shopify's REST order webhook payload (orders/create, updated, cancelled, fulfilled, partially_fulfilled;
 * API 2026-07), reduced to what Aftercare keeps. Nulls are common and accepted; what identifies the order
 * (gid, name, updated_at) or a line item is required. Everything else in the payload is ignored.
 */
const addressSchema = z
  .object({
    first_name: optionalText,
    city: optionalText,
    province: optionalText,
    province_code: optionalText,
    country: optionalText,
    country_code: optionalText,
    zip: optionalText,
  })
  .nullish();

const customerSchema = z
  .object({
    admin_graphql_api_id: gid("Customer").nullish(),
    first_name: optionalText,
    email: optionalText,
    phone: optionalText,
    sms_marketing_consent: restSmsMarketingConsent,
    updated_at: optionalTimestamp,
  })
  .nullish();

const lineItemSchema = z.object({
  admin_graphql_api_id: gid("LineItem"),
  product_id: numericIdAsGid("Product").nullish(),
  variant_id: numericIdAsGid("ProductVariant").nullish(),
  title: z.string().min(1),
  variant_title: optionalText,
  sku: optionalText,
  vendor: optionalText,
  quantity: z.number().int().nonnegative(),
  price: optionalDecimal,
  requires_shipping: z.boolean().nullish(),
});

export const orderWebhookSchema = z.object({
  admin_graphql_api_id: gid("Order"),
  name: z.string().min(1),
  email: optionalText,
  contact_email: optionalText,
  phone: optionalText,
  customer_locale: optionalText,
  currency: optionalText,
  total_price: decimalText.nullish(),
  financial_status: optionalText,
  fulfillment_status: optionalText,
  tags: optionalText,
  order_status_url: optionalText,
  shipping_address: addressSchema,
  customer: customerSchema,
  cancelled_at: optionalTimestamp,
  cancel_reason: optionalText,
  closed_at: optionalTimestamp,
  processed_at: optionalTimestamp,
  created_at: timestamp,
  updated_at: timestamp,
  line_items: z.array(lineItemSchema),
  discount_codes: z.array(z.object({ code: optionalText })).nullish(),
  shipping_lines: z.array(restShippingLineSchema).nullish(),
});

export type OrderWebhook = z.infer<typeof orderWebhookSchema>;

/** Maps an order webhook payload onto the snapshot we store; throws InvalidShopifyPayloadError if unusable. */
export function orderSnapshotFromWebhook(payload: ShopifyJson): OrderSnapshot {
  const order = parsePayload("order", orderWebhookSchema, payload);
  const address = order.shipping_address;
  return {
    order: {
      id: order.admin_graphql_api_id,
      name: order.name,
      email: order.email ?? order.contact_email,
      phone: order.phone,
      customerId: order.customer?.admin_graphql_api_id ?? null,
      customerFirstName: order.customer?.first_name ?? address?.first_name ?? null,
      locale: order.customer_locale,
      currencyCode: order.currency,
      totalPrice: order.total_price ?? null,
      financialStatus: lowerCaseEnum(order.financial_status),
      fulfillmentStatus: normaliseFulfillmentStatus(order.fulfillment_status),
      tags: order.tags ? joinTags(order.tags.split(",").map((tag) => tag.trim()).filter(Boolean)) : null,
      statusPageUrl: order.order_status_url,
      shippingCountry: address?.country_code ?? address?.country ?? null,
      shippingProvince: address?.province_code ?? address?.province ?? null,
      shippingCity: address?.city ?? null,
      shippingZip: address?.zip ?? null,
      discountCodes: discountCodesText((order.discount_codes ?? []).map((discount) => discount.code)),
      cancelledAt: order.cancelled_at,
      cancelReason: lowerCaseEnum(order.cancel_reason),
      closedAt: order.closed_at,
      processedAt: order.processed_at ?? order.created_at,
      shopifyUpdatedAt: order.updated_at,
    },
    lineItems: order.line_items.map(
      (item): LineItemFields => ({
        id: item.admin_graphql_api_id,
        productId: item.product_id ?? null,
        variantId: item.variant_id ?? null,
        title: item.title,
        variantTitle: item.variant_title,
        sku: item.sku,
        vendor: item.vendor,
        quantity: item.quantity,
        price: item.price,
        requiresShipping: item.requires_shipping ?? true,
      }),
    ),
    shippingLines: order.shipping_lines ? shippingLinesFromRest(order.shipping_lines, order.currency) : undefined,
    customer: customerContact(order),
  };
}

function customerContact(order: OrderWebhook): CustomerContact | null {
  const customer = order.customer;
  if (!customer?.admin_graphql_api_id) return null;
  return {
    id: customer.admin_graphql_api_id,
    email: customer.email,
    phone: customer.phone,
    firstName: customer.first_name,
    smsConsent: smsConsentFromRest(customer.sms_marketing_consent),
    // The order payload's customer carries no locale of its own; customer_locale is the order's.
    shopifyUpdatedAt: customer.updated_at ?? order.updated_at,
  };
}
