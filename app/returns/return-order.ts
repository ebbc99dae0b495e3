import { throwIfOtherCurrency } from "./money";
import type { ReturnOrderInput } from "./order-schema";
import type { ReturnableFulfillments } from "./returns-graphql";

/** The stored order rows the engine's order is built from (app/orders and app/tracking keep them). */
export interface StoredOrder {
  id: string;
  processedAt: Date;
  currencyCode: string | null;
  lineItems: { id: string; productId: string | null; variantId: string | null; title: string; vendor: string | null; quantity: number; price: string | null }[];
  /** Quantities per fulfillment line, from our fulfillment sync. */
  fulfilledLines: { lineItemId: string; quantity: number }[];
  fulfillmentCreatedAt: Date[];
  /** Outbound parcels: the order counts as delivered when every one is. */
  shipments: { deliveredAt: Date | null }[];
}

/** Where a line's returnable units are: Shopify asks for fulfillment line items, not order lines. */
export interface ReturnableUnits {
  fulfillmentLineItemId: string;
  quantity: number;
}

export interface BuiltReturnOrder {
  order: ReturnOrderInput;
  returnable: Map<string, ReturnableUnits[]>;
}

type ShopifyLine = ReturnableFulfillments["returnableFulfillments"]["nodes"][number]["returnableFulfillmentLineItems"]["nodes"][number];

/**
 * Joins our stored order with Shopify's returnable fulfillments into the engine's order. Shopify is the truth
 * for what may still be returned (its quantities already exclude returned and requested units); our rows say
 * what was fulfilled and when it arrived. Prices are shop money, like the policy's fixed fees.
 */
export function buildReturnOrder(stored: StoredOrder, returnable: ReturnableFulfillments, shopCurrency: string): BuiltReturnOrder {
  // The policy's fixed fees, keep-it and approval limits and the catalogue's exchange prices are all in today's
  // shop currency: an order priced in another one (the shop changed currency since) cannot be settled with them.
  throwIfOtherCurrency(
    shopCurrency,
    stored.currencyCode ? [stored.currencyCode] : [],
    `This order was paid in ${stored.currencyCode} but the shop's prices and return policy are in ${shopCurrency}; handle its return in Shopify admin`,
  );
  const byLine = new Map<string, ShopifyLine[]>();
  for (const fulfillment of returnable.returnableFulfillments.nodes) {
    for (const node of fulfillment.returnableFulfillmentLineItems.nodes) {
      const lineItemId = node.fulfillmentLineItem.lineItem.id;
      byLine.set(lineItemId, [...(byLine.get(lineItemId) ?? []), node]);
    }
  }
  const units = new Map<string, ReturnableUnits[]>();
  const lines = stored.lineItems.map((line) => {
    const shopify = byLine.get(line.id) ?? [];
    const fromShopify = shopify[0]?.fulfillmentLineItem.lineItem;
    units.set(
      line.id,
      shopify.filter((node) => node.quantity > 0).map((node) => ({ fulfillmentLineItemId: node.fulfillmentLineItem.id, quantity: node.quantity })),
    );
    const returnableQuantity = shopify.reduce((sum, node) => sum + node.quantity, 0);
    const storedFulfilled = stored.fulfilledLines.filter((fulfilled) => fulfilled.lineItemId === line.id).reduce((sum, fulfilled) => sum + fulfilled.quantity, 0);
    // Our fulfillment sync can lag Shopify; units Shopify calls returnable were certainly fulfilled.
    const fulfilledQuantity = Math.min(line.quantity, Math.max(storedFulfilled, returnableQuantity));
    const unitPrice = fromShopify?.originalUnitPriceSet.shopMoney.amount ?? line.price ?? "0";
    const product = fromShopify?.product;
    return {
      lineItemId: line.id,
      productId: product?.id ?? line.productId,
      variantId: fromShopify?.variant?.id ?? line.variantId,
      collectionIds: product?.collections?.nodes.map((collection) => collection.id) ?? [],
      tags: product?.tags ?? [],
      productType: product?.productType ?? null,
      vendor: product?.vendor ?? line.vendor,
      title: fromShopify?.title ?? line.title,
      unitPrice,
      discountedUnitPrice: fromShopify?.discountedUnitPriceAfterAllDiscountsSet?.shopMoney.amount ?? unitPrice,
      quantity: line.quantity,
      fulfilledQuantity,
      alreadyReturnedQuantity: Math.max(0, fulfilledQuantity - returnableQuantity),
    };
  });
  const delivered = stored.shipments.length > 0 && stored.shipments.every((shipment) => shipment.deliveredAt !== null);
  return {
    order: {
      id: stored.id,
      processedAt: stored.processedAt,
      fulfilledAt: earliest(stored.fulfillmentCreatedAt),
      deliveredAt: delivered ? latest(stored.shipments.map((shipment) => shipment.deliveredAt!)) : null,
      currency: shopCurrency,
      lines,
    },
    returnable: units,
  };
}

/** Splits each requested line's quantity over the fulfillment line items that still hold returnable units. */
export function allocateToFulfillmentLines(
  items: readonly { lineItemId: string; quantity: number }[],
  returnable: ReadonlyMap<string, readonly ReturnableUnits[]>,
): { lineItemId: string; fulfillmentLineItemId: string; quantity: number }[] {
  return items.flatMap((item) => {
    let left = item.quantity;
    const parts: { lineItemId: string; fulfillmentLineItemId: string; quantity: number }[] = [];
    for (const units of returnable.get(item.lineItemId) ?? []) {
      if (left === 0) break;
      const quantity = Math.min(left, units.quantity);
      parts.push({ lineItemId: item.lineItemId, fulfillmentLineItemId: units.fulfillmentLineItemId, quantity });
      left -= quantity;
    }
    if (left > 0) throw new Error(`line ${item.lineItemId} has fewer returnable units than the engine allowed`);
    return parts;
  });
}

function earliest(dates: readonly Date[]): Date | null {
  return dates.length ? new Date(Math.min(...dates.map((date) => date.getTime()))) : null;
}

function latest(dates: readonly Date[]): Date | null {
  return dates.length ? new Date(Math.max(...dates.map((date) => date.getTime()))) : null;
}
