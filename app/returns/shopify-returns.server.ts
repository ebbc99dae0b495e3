import { ShopifyApiError, throwIfUserErrors } from "~/errors";
import { adminGraphql, type AdminGraphqlClient } from "~/shopify/admin-graphql.server";
import { EXCHANGE_BONUS_DESCRIPTION, type ExchangeLine } from "./exchange-discount";
import { throwIfOtherCurrency } from "./money";
import type { ReturnReason } from "./policy-schema";
import {
  EXCHANGE_VARIANTS_QUERY,
  exchangeVariantsSchema,
  RETURN_APPROVE_MUTATION,
  RETURN_CLOSE_MUTATION,
  RETURN_CREATE_MUTATION,
  RETURN_DECLINE_MUTATION,
  RETURN_DETAILS_QUERY,
  RETURN_PROCESS_MUTATION,
  RETURN_REQUEST_MUTATION,
  returnApproveSchema,
  returnCloseSchema,
  returnCreateSchema,
  returnDeclineSchema,
  type ReturnDetails,
  returnDetailsSchema,
  returnProcessSchema,
  returnRequestSchema,
  REVERSE_DELIVERY_MUTATION,
  reverseDeliverySchema,
} from "./returns-graphql";

/**
 * Shopify's Returns API, one function per operation. Every mutation's userErrors become a thrown
 * ShopifyUserErrorsError carrying Shopify's messages; a payload without the object and without errors is a
 * ShopifyApiError.
 */

/** A Shopify return as its mutations answer. */
export interface ShopifyReturn {
  id: string;
  name: string | null;
  status: string;
}

export interface ReturnLineInput {
  fulfillmentLineItemId: string;
  quantity: number;
  reason: ReturnReason;
  note: string;
}

type Payload = { return?: ShopifyReturn | null | undefined; userErrors: { field?: string[] | null; message: string }[] };

function returnOf(payload: Payload, operation: string): ShopifyReturn {
  throwIfUserErrors(payload.userErrors);
  if (!payload.return) throw new ShopifyApiError(`${operation} answered without a return`);
  return { id: payload.return.id, name: payload.return.name ?? null, status: payload.return.status };
}

const reasonEnum = (reason: ReturnReason) => reason.toUpperCase();

/** Asks the merchant to review a return (returnRequest): Shopify creates it as REQUESTED. */
export async function requestShopifyReturn(admin: AdminGraphqlClient, orderId: string, lines: readonly ReturnLineInput[]): Promise<ShopifyReturn> {
  const input = {
    orderId,
    returnLineItems: lines.map((line) => ({
      fulfillmentLineItemId: line.fulfillmentLineItemId,
      quantity: line.quantity,
      returnReason: reasonEnum(line.reason),
      customerNote: line.note || null,
    })),
  };
  const data = await adminGraphql(admin, RETURN_REQUEST_MUTATION, { input }, returnRequestSchema);
  return returnOf(data.returnRequest as Payload, "returnRequest");
}

/** An exchange item for returnCreate: a bonus share goes as a fixed `appliedDiscount` on it. */
function exchangeLineItemInput(item: ExchangeLine) {
  const { variantId, quantity, discount } = item;
  if (!discount) return { variantId, quantity };
  const value = { amount: { amount: discount.amount, currencyCode: discount.currency } };
  return { variantId, quantity, appliedDiscount: { description: EXCHANGE_BONUS_DESCRIPTION, value } };
}

/**
 * Creates an approved (OPEN) return, with the exchange variants when it is an exchange and their share of the exchange
 * bonus as discounts (returnCreate; ADR 0013); `requestedAt` keeps a replaced request's date.
 */
export async function createShopifyReturn(
  admin: AdminGraphqlClient,
  orderId: string,
  lines: readonly ReturnLineInput[],
  exchange: readonly ExchangeLine[],
  options: { requestedAt?: Date } = {},
): Promise<ShopifyReturn> {
  const returnInput = {
    orderId,
    notifyCustomer: false,
    ...(options.requestedAt ? { requestedAt: options.requestedAt.toISOString() } : {}),
    returnLineItems: lines.map((line) => ({
      fulfillmentLineItemId: line.fulfillmentLineItemId,
      quantity: line.quantity,
      returnReason: reasonEnum(line.reason),
      returnReasonNote: line.note,
    })),
    ...(exchange.length ? { exchangeLineItems: exchange.map(exchangeLineItemInput) } : {}),
  };
  const data = await adminGraphql(admin, RETURN_CREATE_MUTATION, { returnInput }, returnCreateSchema);
  return returnOf(data.returnCreate as Payload, "returnCreate");
}

export async function approveShopifyReturn(admin: AdminGraphqlClient, id: string): Promise<ShopifyReturn> {
  const data = await adminGraphql(admin, RETURN_APPROVE_MUTATION, { input: { id, notifyCustomer: false } }, returnApproveSchema);
  return returnOf(data.returnApproveRequest as Payload, "returnApproveRequest");
}

/** Shopify's decline reasons (ReturnDeclineReason). */
export const DECLINE_REASONS = ["RETURN_PERIOD_ENDED", "FINAL_SALE", "OTHER"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export async function declineShopifyReturn(admin: AdminGraphqlClient, id: string, reason: DeclineReason, note: string): Promise<ShopifyReturn> {
  const input = { id, declineReason: reason, declineNote: note || null, notifyCustomer: false };
  const data = await adminGraphql(admin, RETURN_DECLINE_MUTATION, { input }, returnDeclineSchema);
  return returnOf(data.returnDeclineRequest as Payload, "returnDeclineRequest");
}

export async function closeShopifyReturn(admin: AdminGraphqlClient, id: string): Promise<ShopifyReturn> {
  const data = await adminGraphql(admin, RETURN_CLOSE_MUTATION, { id }, returnCloseSchema);
  return returnOf(data.returnClose as Payload, "returnClose");
}

/** A return's line ids, reverse fulfillment orders and its order's payments. NotFound-like: ShopifyApiError. */
export async function fetchShopifyReturn(admin: AdminGraphqlClient, id: string): Promise<ReturnDetails> {
  const data = await adminGraphql(admin, RETURN_DETAILS_QUERY, { id }, returnDetailsSchema);
  if (!data.return) throw new ShopifyApiError(`Shopify has no return ${id}`);
  return data.return;
}

/** Attaches the parcel (tracking and label) to the return's reverse fulfillment order. */
export async function createReverseDelivery(
  admin: AdminGraphqlClient,
  details: ReturnDetails,
  label: { trackingNumber: string | null; trackingUrl: string | null; labelUrl: string },
): Promise<string> {
  const order = details.reverseFulfillmentOrders.nodes[0];
  if (!order) throw new ShopifyApiError(`Return ${details.id} has no reverse fulfillment order (is it approved?)`);
  const variables = {
    reverseFulfillmentOrderId: order.id,
    reverseDeliveryLineItems: order.lineItems.nodes.map((line) => ({ reverseFulfillmentOrderLineItemId: line.id, quantity: line.totalQuantity })),
    trackingInput: label.trackingNumber || label.trackingUrl ? { number: label.trackingNumber, url: label.trackingUrl } : null,
    labelInput: { fileUrl: label.labelUrl },
  };
  const data = await adminGraphql(admin, REVERSE_DELIVERY_MUTATION, variables, reverseDeliverySchema);
  const payload = data.reverseDeliveryCreateWithShipping;
  throwIfUserErrors(payload.userErrors);
  if (!payload.reverseDelivery) throw new ShopifyApiError("reverseDeliveryCreateWithShipping answered without a reverse delivery");
  return payload.reverseDelivery.id;
}

export interface ProcessMoney {
  currency: string;
  /** Back to the original payment; "0" for none. */
  refund: string;
  /** Store credit, bonus included; "0" for none. */
  storeCredit: string;
}

/**
 * Processes every processable line and exchange item of the return, refunding `money.refund` to the order's
 * captured payment and issuing `money.storeCredit` as store credit. Bonus credit exceeds what was paid, so
 * over-refunding is allowed exactly when store credit is issued.
 */
export async function processShopifyReturn(admin: AdminGraphqlClient, details: ReturnDetails, money: ProcessMoney): Promise<ShopifyReturn> {
  const payment = details.order.transactions.find((tx) => ["SALE", "CAPTURE"].includes(tx.kind) && tx.status === "SUCCESS");
  const refunds = !isZero(money.refund);
  const credit = !isZero(money.storeCredit);
  if (refunds && !payment) throw new ShopifyApiError(`Order ${details.order.id} has no captured payment to refund to`);
  // Our amounts are shop money; a payment the shopper made in another currency is refunded in that one, which
  // needs a conversion only Shopify admin makes. Refused before anything changes, so the merchant can do it there.
  const paidIn = payment?.amountSet?.presentmentMoney.currencyCode;
  if (refunds && paidIn) {
    throwIfOtherCurrency(
      money.currency,
      [paidIn],
      `Order ${details.order.id} was paid in ${paidIn} but this return's refund is in ${money.currency}; refund it in Shopify admin`,
    );
  }
  const input = {
    returnId: details.id,
    notifyCustomer: false,
    returnLineItems: details.returnLineItems.nodes.filter((line) => line.processableQuantity > 0).map((line) => ({ id: line.id, quantity: line.processableQuantity })),
    exchangeLineItems: details.exchangeLineItems.nodes.filter((line) => line.processableQuantity > 0).map((line) => ({ id: line.id, quantity: line.processableQuantity })),
    ...(refunds || credit
      ? {
          financialTransfer: {
            issueRefund: {
              orderTransactions: refunds ? [{ parentId: payment!.id, transactionAmount: { amount: money.refund, currencyCode: money.currency } }] : [],
              refundMethods: credit ? [{ storeCreditRefund: { amount: { amount: money.storeCredit, currencyCode: money.currency } } }] : [],
              allowOverRefunding: credit,
            },
          },
        }
      : {}),
  };
  const data = await adminGraphql(admin, RETURN_PROCESS_MUTATION, { input }, returnProcessSchema);
  return returnOf(data.returnProcess as Payload, "returnProcess");
}

/** The catalogue's price and names of exchange variants; a variant Shopify doesn't know is missing from the map. */
export async function fetchExchangeVariants(
  admin: AdminGraphqlClient,
  variantIds: readonly string[],
): Promise<Map<string, { productId: string; title: string; price: string; availableForSale: boolean }>> {
  if (variantIds.length === 0) return new Map();
  const data = await adminGraphql(admin, EXCHANGE_VARIANTS_QUERY, { ids: [...new Set(variantIds)] }, exchangeVariantsSchema);
  return new Map(
    data.nodes
      .filter((node) => node !== null)
      .map((node) => [node.id, { productId: node.product.id, title: `${node.product.title} – ${node.title}`, price: node.price, availableForSale: node.availableForSale ?? true }]),
  );
}

function isZero(amount: string): boolean {
  return /^0*(\.0*)?$/.test(amount);
}
