import type { DbClient } from "~/db.server";
import { ForbiddenError, NotFoundError } from "~/errors";
import { adminGraphql, type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { customerGid } from "./customer-id";
import { REASONS } from "./explain";
import type { ReturnPolicy, ReturnReason } from "./policy-schema";
import { RETURN_REASONS } from "./policy-schema";
import { loadReturnPolicy } from "./policy-store.server";
import { buildReturnOrder, type BuiltReturnOrder } from "./return-order";
import { RETURNABLE_FULFILLMENTS_QUERY, returnableFulfillmentsSchema } from "./returns-graphql";

/** An order ready for the engine, with what else a return of it needs. */
export interface OrderForReturn extends BuiltReturnOrder {
  orderName: string;
  customerId: string;
  policy: ReturnPolicy;
  timeZone: string;
}

/**
 * Loads one of the customer's orders for a return: our stored rows joined with Shopify's returnable
 * fulfillments, the shop's policy and time zone. NotFoundError when the shop has no such order,
 * ForbiddenError when it belongs to someone else (guest orders included: they have no customer to prove).
 */
export async function loadOrderForReturn(
  client: DbClient,
  admin: AdminGraphqlClient,
  args: { shop: string; customerId: string; orderId: string },
): Promise<OrderForReturn> {
  const { shop, orderId } = args;
  const customerId = customerGid(args.customerId);
  const order = await client.order.findUnique({
    where: { shop_id: { shop, id: orderId } },
    select: { id: true, name: true, customerId: true, processedAt: true, currencyCode: true },
  });
  if (!order) throw new NotFoundError("Order", orderId);
  if (order.customerId !== customerId) throw new ForbiddenError("This order belongs to another customer");

  const [lineItems, fulfillments, shopRow, policy] = await Promise.all([
    client.lineItem.findMany({
      where: { shop, orderId },
      select: { id: true, productId: true, variantId: true, title: true, vendor: true, quantity: true, price: true },
      orderBy: { id: "asc" },
    }),
    client.fulfillment.findMany({ where: { shop, orderId, status: "success" }, select: { id: true, shopifyCreatedAt: true } }),
    client.shop.findUnique({ where: { shop }, select: { ianaTimezone: true, currencyCode: true } }),
    loadReturnPolicy(client, shop),
  ]);
  const fulfillmentIds = fulfillments.map((fulfillment) => fulfillment.id);
  const [fulfilledLines, shipments] = await Promise.all([
    client.fulfillmentLineItem.findMany({ where: { shop, fulfillmentId: { in: fulfillmentIds } }, select: { lineItemId: true, quantity: true } }),
    client.shipment.findMany({ where: { shop, orderId, kind: "outbound" }, select: { deliveredAt: true } }),
  ]);
  const returnable = await adminGraphql(admin, RETURNABLE_FULFILLMENTS_QUERY, { orderId }, returnableFulfillmentsSchema);
  const built = buildReturnOrder(
    {
      id: order.id,
      processedAt: order.processedAt,
      currencyCode: order.currencyCode,
      lineItems,
      fulfilledLines,
      fulfillmentCreatedAt: fulfillments.map((fulfillment) => fulfillment.shopifyCreatedAt),
      shipments,
    },
    returnable,
    // Until the shop's details are fetched its currency is unknown: the order's own is the best guess then.
    shopRow?.currencyCode ?? order.currencyCode ?? "USD",
  );
  return { ...built, orderName: order.name, customerId, policy, timeZone: shopRow?.ianaTimezone ?? "UTC" };
}

/**
 * The reasons a shopper may pick: Shopify's ReturnReason values the policy offers, labelled for shoppers.
 * Our reason handles are Shopify's enum in lower case, so they go to `returnReason` unchanged.
 */
export function offeredReasons(policy: ReturnPolicy): { handle: ReturnReason; label: string }[] {
  return RETURN_REASONS.filter((reason) => policy.reasons[reason].offered).map((reason) => ({ handle: reason, label: REASONS[reason] }));
}
