import type { ResolverMap } from "../resolver-types.ts";
import { customerResolvers, imageResolvers, productResolvers, variantResolvers } from "./catalog.ts";
import { fulfillmentEventResolvers, fulfillmentResolvers, locationResolvers } from "./fulfillment.ts";
import { lineItemResolvers, mailingAddressResolvers, orderResolvers, refundResolvers } from "./order.ts";
import { queryRootResolvers } from "./query-root.ts";
import { shopResolvers } from "./shop.ts";

/**
 * Resolvers by GraphQL type. A field not listed here reads the same-named property of its source
 * record (see executor.ts); to support a new field, add it where the record lacks it.
 */
export const adminResolvers: ResolverMap = {
  QueryRoot: queryRootResolvers,
  Shop: shopResolvers,
  Order: orderResolvers,
  LineItem: lineItemResolvers,
  MailingAddress: mailingAddressResolvers,
  Refund: refundResolvers,
  Fulfillment: fulfillmentResolvers,
  FulfillmentEvent: fulfillmentEventResolvers,
  Location: locationResolvers,
  Product: productResolvers,
  ProductVariant: variantResolvers,
  Image: imageResolvers,
  Customer: customerResolvers,
};
