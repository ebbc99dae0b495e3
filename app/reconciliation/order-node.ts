import { z } from "zod";
import { discountCodesText, joinTags, lowerCaseEnum, normaliseFulfillmentStatus, type OrderSnapshot } from "~/orders/order-snapshot";
import { decimalText, gid, optionalText, optionalTimestamp, timestamp } from "~/orders/payload-fields";
import { smsConsentState } from "~/orders/sms-consent";
import { shippingLineNodeSchema, shippingLinesFromNodes } from "~/orders/shipping-lines";
import { parcelsFrom, type FulfillmentEventRecord, type FulfillmentSnapshot } from "~/tracking/fulfillment-snapshot";
import { shipmentStatusFromShopify, shopifyEventStatusSchema } from "~/tracking/status";

/** The answer to ORDER_VERSIONS_QUERY. */
export const orderVersionsSchema = z.object({
  orders: z.object({
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    nodes: z.array(
      z.object({
        id: gid("Order"),
        updatedAt: timestamp,
        fulfillments: z.array(
          z.object({
            id: gid("Fulfillment"),
            updatedAt: timestamp,
            events: z.object({ nodes: z.array(z.object({ id: gid("FulfillmentEvent") })) }),
          }),
        ),
      }),
    ),
  }),
});

export type OrderVersion = z.infer<typeof orderVersionsSchema>["orders"]["nodes"][number];

const shopMoney = z.object({ shopMoney: z.object({ amount: decimalText }) });
const idOnly = (resource: string) => z.object({ id: gid(resource) }).nullish();

const fulfillmentEventNode = z.object({
  id: gid("FulfillmentEvent"),
  status: shopifyEventStatusSchema,
  happenedAt: timestamp,
  message: optionalText,
  city: optionalText,
  province: optionalText,
  country: optionalText,
  zip: optionalText,
  estimatedDeliveryAt: optionalTimestamp,
});

const fulfillmentNode = z.object({
  id: gid("Fulfillment"),
  name: optionalText,
  status: z.string().transform((value) => value.toLowerCase()),
  displayStatus: optionalText,
  createdAt: timestamp,
  updatedAt: timestamp,
  estimatedDeliveryAt: optionalTimestamp,
  service: z.object({ handle: optionalText }).nullish(),
  trackingInfo: z.array(z.object({ company: optionalText, number: optionalText, url: optionalText })),
  fulfillmentLineItems: z.object({
    nodes: z.array(z.object({ quantity: z.number().int().nonnegative().nullish(), lineItem: z.object({ id: gid("LineItem") }) })),
  }),
  events: z.object({ nodes: z.array(fulfillmentEventNode) }),
});

const orderNode = z.object({
  id: gid("Order"),
  name: z.string().min(1),
  email: optionalText,
  phone: optionalText,
  customerLocale: optionalText,
  currencyCode: optionalText,
  totalPriceSet: shopMoney.nullish(),
  displayFinancialStatus: optionalText,
  displayFulfillmentStatus: optionalText,
  tags: z.array(z.string()),
  statusPageUrl: optionalText,
  discountCodes: z.array(z.string()).nullish(),
  shippingAddress: z
    .object({
      firstName: optionalText,
      city: optionalText,
      province: optionalText,
      provinceCode: optionalText,
      country: optionalText,
      countryCodeV2: optionalText,
      zip: optionalText,
    })
    .nullish(),
  customer: z
    .object({
      id: gid("Customer"),
      firstName: optionalText,
      locale: optionalText,
      updatedAt: timestamp,
      defaultEmailAddress: z.object({ emailAddress: optionalText }).nullish(),
      defaultPhoneNumber: z.object({ phoneNumber: optionalText, marketingState: smsConsentState }).nullish(),
    })
    .nullish(),
  cancelledAt: optionalTimestamp,
  cancelReason: optionalText,
  closedAt: optionalTimestamp,
  processedAt: optionalTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  lineItems: z.object({
    nodes: z.array(
      z.object({
        id: gid("LineItem"),
        title: z.string().min(1),
        variantTitle: optionalText,
        sku: optionalText,
        vendor: optionalText,
        quantity: z.number().int().nonnegative(),
        requiresShipping: z.boolean(),
        product: idOnly("Product"),
        variant: idOnly("ProductVariant"),
        originalUnitPriceSet: shopMoney.nullish(),
      }),
    ),
  }),
  shippingLines: z.object({ nodes: z.array(shippingLineNodeSchema) }).nullish(),
  fulfillments: z.array(fulfillmentNode),
});

export type OrderNode = z.infer<typeof orderNode>;

/** The answer to ORDER_DETAILS_QUERY; ids that resolve to nothing (deleted orders) come back as null. */
export const orderDetailsSchema = z.object({ nodes: z.array(orderNode.nullable()) });

/** Everything an Admin API read of one order says, in the shapes the sync functions write. */
export interface OrderReading {
  order: OrderSnapshot;
  fulfillments: FulfillmentSnapshot[];
  events: FulfillmentEventRecord[];
}

/** Maps an Admin GraphQL order onto the same snapshots webhooks produce, value for value. */
export function readingFromOrderNode(node: OrderNode): OrderReading {
  const address = node.shippingAddress;
  const customer = node.customer;
  return {
    order: {
      order: {
        id: node.id,
        name: node.name,
        email: node.email,
        phone: node.phone,
        customerId: customer?.id ?? null,
        customerFirstName: customer?.firstName ?? address?.firstName ?? null,
        locale: node.customerLocale,
        currencyCode: node.currencyCode,
        totalPrice: node.totalPriceSet?.shopMoney.amount ?? null,
        financialStatus: lowerCaseEnum(node.displayFinancialStatus),
        fulfillmentStatus: normaliseFulfillmentStatus(node.displayFulfillmentStatus ?? "unfulfilled"),
        tags: joinTags(node.tags),
        statusPageUrl: node.statusPageUrl,
        shippingCountry: address?.countryCodeV2 ?? address?.country ?? null,
        shippingProvince: address?.provinceCode ?? address?.province ?? null,
        shippingCity: address?.city ?? null,
        shippingZip: address?.zip ?? null,
        discountCodes: discountCodesText(node.discountCodes ?? []),
        cancelledAt: node.cancelledAt,
        cancelReason: lowerCaseEnum(node.cancelReason),
        closedAt: node.closedAt,
        processedAt: node.processedAt ?? node.createdAt,
        shopifyUpdatedAt: node.updatedAt,
      },
      lineItems: node.lineItems.nodes.map((item) => ({
        id: item.id,
        productId: item.product?.id ?? null,
        variantId: item.variant?.id ?? null,
        title: item.title,
        variantTitle: item.variantTitle,
        sku: item.sku,
        vendor: item.vendor,
        quantity: item.quantity,
        price: item.originalUnitPriceSet?.shopMoney.amount ?? null,
        requiresShipping: item.requiresShipping,
      })),
      shippingLines: node.shippingLines ? shippingLinesFromNodes(node.shippingLines.nodes) : undefined,
      customer: customer
        ? {
            id: customer.id,
            email: customer.defaultEmailAddress?.emailAddress ?? null,
            phone: customer.defaultPhoneNumber?.phoneNumber ?? null,
            // No default phone means nothing to consent with: the same as REST's null sms_marketing_consent.
            smsConsent: customer.defaultPhoneNumber?.marketingState ?? null,
            firstName: customer.firstName,
            locale: customer.locale,
            shopifyUpdatedAt: customer.updatedAt,
          }
        : null,
    },
    fulfillments: node.fulfillments.map((fulfillment) => fulfillmentSnapshot(node.id, fulfillment)),
    events: node.fulfillments.flatMap((fulfillment) =>
      fulfillment.events.nodes.map((event) => ({
        externalId: event.id,
        fulfillmentId: fulfillment.id,
        status: event.status,
        happenedAt: event.happenedAt,
        message: event.message,
        city: event.city,
        province: event.province,
        country: event.country,
        zip: event.zip,
        estimatedDeliveryAt: event.estimatedDeliveryAt,
      })),
    ),
  };
}

function fulfillmentSnapshot(orderId: string, fulfillment: OrderNode["fulfillments"][number]): FulfillmentSnapshot {
  const displayStatus = fulfillment.displayStatus?.toLowerCase() ?? null;
  return {
    fulfillment: {
      id: fulfillment.id,
      orderId,
      name: fulfillment.name,
      status: fulfillment.status,
      // REST's shipment_status is the latest event status or null; displayStatus also has labels such as
      // FULFILLED or CANCELED, which are not shipment statuses.
      shipmentStatus: displayStatus && shipmentStatusFromShopify(displayStatus) ? displayStatus : null,
      trackingCompany: fulfillment.trackingInfo.find((info) => info.company)?.company ?? null,
      service: fulfillment.service?.handle ?? null,
      estimatedDeliveryAt: fulfillment.estimatedDeliveryAt,
      shopifyCreatedAt: fulfillment.createdAt,
      shopifyUpdatedAt: fulfillment.updatedAt,
    },
    lineItems: fulfillment.fulfillmentLineItems.nodes.map((item) => ({ lineItemId: item.lineItem.id, quantity: item.quantity ?? 0 })),
    parcels: parcelsFrom(fulfillment.trackingInfo.map((info) => ({ number: info.number, url: info.url, carrier: info.company }))),
  };
}
