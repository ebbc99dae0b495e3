import type { Db } from "~/db.server";
import type { ReturnsDeps } from "../returns-deps.server";
import { FakeAdmin } from "./fake-admin";

/**
 * A delivered order for return tests: Zoë bought two mugs (2 × 18.00, paid 15.00 each after discount) and a
 * cap (1 × 25.00), shipped in one fulfillment and delivered on 20 November; the shop is in Berlin, in EUR.
 */
export const CUSTOMER = "gid://shopify/Customer/7001";
export const OTHER_CUSTOMER = "gid://shopify/Customer/7002";
export const ORDER = "gid://shopify/Order/9001";
export const MUG = "gid://shopify/LineItem/501";
export const CAP = "gid://shopify/LineItem/502";
export const MUG_FLI = "gid://shopify/FulfillmentLineItem/601";
export const CAP_FLI = "gid://shopify/FulfillmentLineItem/602";
export const MUG_VARIANT = "gid://shopify/ProductVariant/801";
export const MUG_RED_VARIANT = "gid://shopify/ProductVariant/802";
export const MUG_PRODUCT = "gid://shopify/Product/701";
export const NOW = new Date("2026-11-25T12:00:00Z");

export async function seedDeliveredOrder(prisma: Db, shop: string): Promise<void> {
  const at = new Date("2026-11-15T10:00:00Z");
  await prisma.shop.create({ data: { shop, currencyCode: "EUR", ianaTimezone: "Europe/Berlin" } });
  await prisma.order.create({
    data: { shop, id: ORDER, name: "#1001", customerId: CUSTOMER, email: "zoe@example.de", currencyCode: "EUR", totalPrice: "55.00", processedAt: at, shopifyUpdatedAt: at },
  });
  await prisma.lineItem.createMany({
    data: [
      { shop, id: MUG, orderId: ORDER, productId: MUG_PRODUCT, variantId: MUG_VARIANT, title: "Trail Mug", quantity: 2, price: "18.00" },
      { shop, id: CAP, orderId: ORDER, productId: "gid://shopify/Product/702", variantId: "gid://shopify/ProductVariant/803", title: "Cap", quantity: 1, price: "25.00" },
    ],
  });
  await prisma.fulfillment.create({ data: { shop, id: "gid://shopify/Fulfillment/301", orderId: ORDER, status: "success", shopifyCreatedAt: at, shopifyUpdatedAt: at } });
  await prisma.fulfillmentLineItem.createMany({
    data: [
      { shop, fulfillmentId: "gid://shopify/Fulfillment/301", lineItemId: MUG, quantity: 2 },
      { shop, fulfillmentId: "gid://shopify/Fulfillment/301", lineItemId: CAP, quantity: 1 },
    ],
  });
  await prisma.shipment.create({
    data: {
      shop,
      orderId: ORDER,
      fulfillmentId: "gid://shopify/Fulfillment/301",
      trackingNumber: "1Z999AA10123456784",
      carrier: "ups",
      status: "delivered",
      statusAt: new Date("2026-11-20T10:00:00Z"),
      deliveredAt: new Date("2026-11-20T10:00:00Z"),
    },
  });
}

function fulfillmentLine(id: string, lineItemId: string, title: string, price: string, paid: string, quantity: number, returnable: number) {
  return {
    quantity: returnable,
    fulfillmentLineItem: {
      id,
      quantity,
      lineItem: {
        id: lineItemId,
        title,
        quantity,
        originalUnitPriceSet: { shopMoney: { amount: price } },
        discountedUnitPriceAfterAllDiscountsSet: { shopMoney: { amount: paid } },
        variant: { id: lineItemId === MUG ? MUG_VARIANT : "gid://shopify/ProductVariant/803" },
        product: { id: lineItemId === MUG ? MUG_PRODUCT : "gid://shopify/Product/702", productType: "Gear", vendor: "Outfitters", tags: [], collections: { nodes: [] } },
      },
    },
  };
}

/** Shopify's returnable fulfillments of the order, with `mugReturnable` mugs still returnable. */
export function returnableAnswer(mugReturnable = 2) {
  return {
    returnableFulfillments: {
      nodes: [
        {
          id: "gid://shopify/ReturnableFulfillment/301",
          fulfillment: { id: "gid://shopify/Fulfillment/301", createdAt: "2026-11-15T10:00:00Z" },
          returnableFulfillmentLineItems: {
            nodes: [
              fulfillmentLine(MUG_FLI, MUG, "Trail Mug", "18.00", "15.00", 2, mugReturnable),
              fulfillmentLine(CAP_FLI, CAP, "Cap", "25.00", "25.00", 1, 1),
            ],
          },
        },
      ],
    },
  };
}

let returnNumber = 0;

/** A fake Shopify that answers the returns operations as a store with this order would. */
export function fakeShopify(): FakeAdmin {
  return new FakeAdmin({
    AftercareReturnableFulfillments: () => returnableAnswer(),
    AftercareExchangeVariants: (variables) => ({
      nodes: (variables.ids as string[]).map((id) =>
        id === MUG_RED_VARIANT ? { id, title: "Red", price: "19.50", availableForSale: true, product: { id: MUG_PRODUCT, title: "Trail Mug" } } : null,
      ),
    }),
    AftercareReturnRequest: () => ({ returnRequest: { return: { id: `gid://shopify/Return/${++returnNumber}`, name: "#1001-R1", status: "REQUESTED" }, userErrors: [] } }),
    AftercareReturnCreate: () => ({ returnCreate: { return: { id: `gid://shopify/Return/${++returnNumber}`, name: "#1001-R1", status: "OPEN" }, userErrors: [] } }),
    AftercareReturnApprove: (variables) => ({
      returnApproveRequest: { return: { id: (variables.input as { id: string }).id, name: "#1001-R1", status: "OPEN" }, userErrors: [] },
    }),
    AftercareReturnDecline: (variables) => ({
      returnDeclineRequest: { return: { id: (variables.input as { id: string }).id, name: "#1001-R1", status: "DECLINED" }, userErrors: [] },
    }),
    AftercareReturnClose: (variables) => ({ returnClose: { return: { id: variables.id, name: "#1001-R1", status: "CLOSED" }, userErrors: [] } }),
    AftercareReturnProcess: (variables) => ({
      returnProcess: { return: { id: (variables.input as { returnId: string }).returnId, name: "#1001-R1", status: "OPEN" }, userErrors: [] },
    }),
    AftercareReturnDetails: (variables) => ({
      return: {
        id: variables.id,
        status: "OPEN",
        returnLineItems: { nodes: [{ id: "gid://shopify/ReturnLineItem/1", processableQuantity: 1, fulfillmentLineItem: { id: MUG_FLI } }] },
        exchangeLineItems: { nodes: [] },
        reverseFulfillmentOrders: {
          nodes: [{ id: "gid://shopify/ReverseFulfillmentOrder/1", lineItems: { nodes: [{ id: "gid://shopify/ReverseFulfillmentOrderLineItem/1", totalQuantity: 1 }] } }],
        },
        order: { id: ORDER, transactions: [{ id: "gid://shopify/OrderTransaction/1", kind: "SALE", status: "SUCCESS" }] },
      },
    }),
    AftercareReverseDelivery: () => ({ reverseDeliveryCreateWithShipping: { reverseDelivery: { id: "gid://shopify/ReverseDelivery/1" }, userErrors: [] } }),
  });
}

export function depsFor(prisma: Db, admin: FakeAdmin, now = NOW): ReturnsDeps {
  return { db: prisma, admin: async () => admin, now: () => now };
}

/** A refund of one mug, mailed back. */
export function refundOneMug(key = "key-refund-mug-1") {
  return {
    shop: "",
    customerId: CUSTOMER,
    orderId: ORDER,
    idempotencyKey: key,
    request: { items: [{ lineItemId: MUG, quantity: 1, reason: "size_too_small" as const }], outcome: "refund" as const, method: "mail_label" as const },
  };
}
