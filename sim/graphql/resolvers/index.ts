import { requiringScope } from "../access-scopes.ts";
import type { ResolverMap } from "../resolver-types.ts";
import { customerResolvers, imageResolvers, productResolvers, variantResolvers } from "./catalog.ts";
import { fulfillmentEventResolvers, fulfillmentResolvers, locationResolvers } from "./fulfillment.ts";
import { lineItemResolvers, mailingAddressResolvers, orderResolvers, refundResolvers, shippingLineResolvers } from "./order.ts";
import { consentMutationResolvers } from "./consent-mutations.ts";
import {
  discountCodeBasicResolvers,
  discountCodeNodeResolvers,
  discountMutationResolvers,
  discountNodeResolvers,
  discountProductsResolvers,
  discountQueryResolvers,
} from "./discounts.ts";
import { draftOrderLineItemResolvers, draftOrderMutationResolvers, draftOrderQueryResolvers, draftOrderResolvers, tagMutationResolvers } from "./order-actions.ts";
import { queryRootResolvers } from "./query-root.ts";
import { returnMutationResolvers } from "./return-mutations.ts";
import {
  exchangeLineItemResolvers,
  orderTransactionResolvers,
  returnableFulfillmentResolvers,
  returnLineItemResolvers,
  returnQueryResolvers,
  returnResolvers,
  reverseDeliveryResolvers,
  reverseFulfillmentOrderLineItemResolvers,
  reverseFulfillmentOrderResolvers,
} from "./returns.ts";
import { shopResolvers } from "./shop.ts";

/**
 * Resolvers by GraphQL type. A field not listed here reads the same-named property of its source
 * record (see executor.ts); to support a new field, add it where the record lacks it. Root fields that need
 * an access scope beyond reading orders are wrapped so a token without it gets Shopify's ACCESS_DENIED.
 */
export const adminResolvers: ResolverMap = {
  QueryRoot: {
    ...queryRootResolvers,
    ...requiringScope("read_returns", returnQueryResolvers),
    ...requiringScope("read_discounts", discountQueryResolvers),
    ...requiringScope("read_draft_orders", draftOrderQueryResolvers),
  },
  Mutation: {
    ...requiringScope("write_returns", returnMutationResolvers),
    ...requiringScope("write_discounts", discountMutationResolvers),
    ...requiringScope("write_orders", tagMutationResolvers),
    ...requiringScope("write_draft_orders", draftOrderMutationResolvers),
    ...requiringScope("write_customers", consentMutationResolvers),
  },
  Shop: shopResolvers,
  Order: orderResolvers,
  LineItem: lineItemResolvers,
  ShippingLine: shippingLineResolvers,
  MailingAddress: mailingAddressResolvers,
  Refund: refundResolvers,
  Fulfillment: fulfillmentResolvers,
  FulfillmentEvent: fulfillmentEventResolvers,
  Location: locationResolvers,
  Product: productResolvers,
  ProductVariant: variantResolvers,
  Image: imageResolvers,
  Customer: customerResolvers,
  Return: returnResolvers,
  ReturnLineItem: returnLineItemResolvers,
  ExchangeLineItem: exchangeLineItemResolvers,
  ReturnableFulfillment: returnableFulfillmentResolvers,
  ReverseFulfillmentOrder: reverseFulfillmentOrderResolvers,
  ReverseFulfillmentOrderLineItem: reverseFulfillmentOrderLineItemResolvers,
  ReverseDelivery: reverseDeliveryResolvers,
  OrderTransaction: orderTransactionResolvers,
  DiscountCodeNode: discountCodeNodeResolvers,
  DiscountNode: discountNodeResolvers,
  DiscountCodeBasic: discountCodeBasicResolvers,
  DiscountProducts: discountProductsResolvers,
  DraftOrder: draftOrderResolvers,
  DraftOrderLineItem: draftOrderLineItemResolvers,
};
