import type { DbClient } from "~/db.server";
import { NotFoundError } from "~/errors";
import { parseDiscountCodes } from "~/orders/order-snapshot";
import { type OrderFacts } from "./choose-offer.server";

export interface StoredOrderFacts extends OrderFacts {
  processedAt: Date;
  name: string;
}

/** An order of the shop as the engine needs it, from our synced copy; NotFoundError when absent or redacted. */
export async function orderFactsFromDb(client: DbClient, shop: string, orderId: string): Promise<StoredOrderFacts> {
  const order = await client.order.findUnique({ where: { shop_id: { shop, id: orderId } } });
  if (!order || order.redactedAt) throw new NotFoundError("Order", orderId);
  const [lines, shopRow] = await Promise.all([
    client.lineItem.findMany({ where: { shop, orderId: order.id }, orderBy: { id: "asc" } }),
    order.currencyCode ? null : client.shop.findUnique({ where: { shop }, select: { currencyCode: true } }),
  ]);
  return {
    id: order.id,
    name: order.name,
    processedAt: order.processedAt,
    totalPrice: order.totalPrice ?? "0",
    currency: order.currencyCode ?? shopRow?.currencyCode ?? "USD",
    customerId: order.customerId,
    shippingCountry: order.shippingCountry,
    discountCodes: parseDiscountCodes(order.discountCodes),
    lines: lines.map((line) => ({ productId: line.productId, variantId: line.variantId, quantity: line.quantity, price: line.price ?? "0" })),
  };
}
