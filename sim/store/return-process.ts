import { StoreError } from "./errors.ts";
import type { NumericId } from "./ids.ts";
import { currentQuantity, orderTotals } from "./order-math.ts";
import { variantLineFields } from "./order-operations.ts";
import { recordRefund } from "./refund-operations.ts";
import type { ShopState } from "./shop-state.ts";
import type { SimStore } from "./store.ts";
import type { Cents, DispositionType, ExchangeAppliedDiscount, OrderRecord, RefundRecord, ReturnRecord, ReverseFulfillmentOrderRecord } from "./types.ts";

export interface ProcessReturnInput {
  returnLineItems?: {
    id: NumericId;
    quantity: number;
    dispositions?: { reverseFulfillmentOrderLineItemId: NumericId; quantity: number; type: DispositionType; locationId?: NumericId | null }[];
  }[];
  exchangeLineItems?: { id: NumericId; quantity: number }[];
  /** `financialTransfer.issueRefund`: money back to the original payment and/or as store credit. */
  refund?: {
    orderTransactions: { parentId: NumericId; amount: Cents }[];
    storeCredit: { amount: Cents; expiresAt: Date | null }[];
    allowOverRefunding?: boolean;
  } | null;
  refundShipping?: { full?: boolean; amount?: Cents } | null;
  refundDutyIds?: NumericId[];
  note?: string | null;
  at?: Date;
}

const STORE_CREDIT_GATEWAY = "shopify_store_credit";

function invalid(message: string, field: string[], code = "INVALID"): never {
  throw new StoreError("INVALID", message, field, code);
}

function notFound(message: string, field: string[]): never {
  throw new StoreError("NOT_FOUND", message, field, "NOT_FOUND");
}

interface PlannedLine {
  returnLineItemId: NumericId;
  lineItemId: NumericId;
  quantity: number;
  dispositions: { rfo: ReverseFulfillmentOrderRecord; rfoLineItemId: NumericId; quantity: number; type: DispositionType; locationId: NumericId | null }[];
}

function planReturnLines(state: ShopState, record: ReturnRecord, input: ProcessReturnInput): PlannedLine[] {
  const rfos = state.reverseFulfillmentOrdersOf(record);
  return (input.returnLineItems ?? []).map((requested, index) => {
    const at = ["returnLineItems", String(index)];
    const item = record.lineItems.find((candidate) => candidate.id === requested.id);
    if (!item) notFound("Return line item does not exist.", [...at, "id"]);
    if (!Number.isInteger(requested.quantity) || requested.quantity < 1) invalid("Quantity must be greater than 0.", [...at, "quantity"], "GREATER_THAN");
    const unprocessed = item.quantity - item.processedQuantity;
    if (requested.quantity > unprocessed) invalid(`Quantity ${requested.quantity} exceeds the unprocessed quantity of ${unprocessed}.`, [...at, "quantity"]);
    const dispositions = (requested.dispositions ?? []).map((disposition, dIndex) => {
      const dAt = [...at, "dispositions", String(dIndex)];
      const rfo = rfos.find((candidate) => candidate.lineItems.some((line) => line.id === disposition.reverseFulfillmentOrderLineItemId));
      const rfoLine = rfo?.lineItems.find((line) => line.id === disposition.reverseFulfillmentOrderLineItemId);
      if (!rfo || !rfoLine || rfoLine.returnLineItemId !== item.id) {
        notFound("Reverse fulfillment order line item does not exist.", [...dAt, "reverseFulfillmentOrderLineItemId"]);
      }
      if (disposition.locationId && !state.locations.has(disposition.locationId)) notFound("Location does not exist.", [...dAt, "locationId"]);
      if (disposition.type === "RESTOCKED" && !disposition.locationId) invalid("A location is required to restock items.", [...dAt, "locationId"], "BLANK");
      return { rfo, rfoLineItemId: rfoLine.id, quantity: disposition.quantity, type: disposition.type, locationId: disposition.locationId ?? null };
    });
    const disposed = dispositions.reduce((sum, d) => sum + d.quantity, 0);
    if (dispositions.length > 0 && disposed !== requested.quantity) {
      invalid(`Disposition quantities (${disposed}) must add up to the processed quantity (${requested.quantity}).`, [...at, "dispositions"]);
    }
    return { returnLineItemId: item.id, lineItemId: item.lineItemId, quantity: requested.quantity, dispositions };
  });
}

function planExchangeLines(record: ReturnRecord, input: ProcessReturnInput) {
  return (input.exchangeLineItems ?? []).map((requested, index) => {
    const at = ["exchangeLineItems", String(index)];
    const item = record.exchangeLineItems.find((candidate) => candidate.id === requested.id);
    if (!item) notFound("Exchange line item does not exist.", [...at, "id"]);
    if (!Number.isInteger(requested.quantity) || requested.quantity < 1) invalid("Quantity must be greater than 0.", [...at, "quantity"], "GREATER_THAN");
    const unprocessed = item.quantity - item.processedQuantity;
    if (requested.quantity > unprocessed) invalid(`Quantity ${requested.quantity} exceeds the unprocessed quantity of ${unprocessed}.`, [...at, "quantity"]);
    return { item, quantity: requested.quantity };
  });
}

/** What can still be given back: what was paid minus what earlier refunds returned. */
function refundableAmount(state: ShopState, order: OrderRecord): Cents {
  const totals = orderTotals(state, order);
  return order.paymentStatus === "paid" ? Math.max(0, totals.total - totals.refunded) : 0;
}

function checkRefund(state: ShopState, order: OrderRecord, input: ProcessReturnInput): void {
  const refund = input.refund;
  if (!refund) return;
  const at = ["financialTransfer", "issueRefund"];
  refund.orderTransactions.forEach((transaction, index) => {
    if (transaction.parentId !== order.saleTransactionId) notFound("Order transaction does not exist.", [...at, "orderTransactions", String(index), "parentId"]);
    if (transaction.amount <= 0) invalid("Transaction amount must be greater than 0.", [...at, "orderTransactions", String(index), "transactionAmount", "amount"], "GREATER_THAN");
  });
  refund.storeCredit.forEach((credit, index) => {
    const field = [...at, "refundMethods", String(index), "storeCreditRefund", "amount", "amount"];
    if (!order.customerId) invalid("Store credit can only be issued to an order with a customer.", field);
    if (credit.amount <= 0) invalid("Store credit amount must be greater than 0.", field, "GREATER_THAN");
  });
  const total = [...refund.orderTransactions, ...refund.storeCredit].reduce((sum, part) => sum + part.amount, 0);
  const available = refundableAmount(state, order);
  if (total > available && !refund.allowOverRefunding) {
    invalid(`Refund amount ${(total / 100).toFixed(2)} exceeds the refundable amount of ${(available / 100).toFixed(2)}.`, at);
  }
}

function creditStoreCredit(store: SimStore, state: ShopState, order: OrderRecord, refund: RefundRecord, credits: { amount: Cents; expiresAt: Date | null }[], at: Date) {
  if (credits.length === 0 || !order.customerId) return;
  let account = state.storeCreditAccounts.get(order.customerId);
  if (!account) {
    account = { id: store.ids.allocate(), customerId: order.customerId, currency: order.currency, transactions: [] };
    state.storeCreditAccounts.set(order.customerId, account);
  }
  for (const credit of credits) {
    account.transactions.push({ id: store.ids.allocate(), amount: credit.amount, expiresAt: credit.expiresAt, refundId: refund.id, createdAt: at });
  }
}

/** What an exchange's applied discount takes off `quantity` units: a fixed amount per unit, or a percentage of the price. */
function exchangeDiscount(discount: ExchangeAppliedDiscount, unitPrice: Cents, quantity: number): Cents {
  if ("amount" in discount.value) return Math.min(discount.value.amount, unitPrice) * quantity;
  return Math.round((unitPrice * quantity * discount.value.percentage) / 100);
}

function addExchangeLineItems(store: SimStore, state: ShopState, order: OrderRecord, exchanges: ReturnType<typeof planExchangeLines>): void {
  for (const { item, quantity } of exchanges) {
    const fields = variantLineFields(state, state.variant(item.variantId));
    const discount = item.appliedDiscount;
    const lineItem = {
      id: store.ids.allocate(),
      ...fields,
      quantity,
      imageUrl: store.productImage(state.shop.domain, item.variantId),
      // The line is added at the discounted price, as Shopify records an exchange line's applied discount.
      ...(discount
        ? { discountAllocations: [{ amount: exchangeDiscount(discount, fields.price, quantity), title: discount.description ?? "Exchange discount", manual: discount }] }
        : {}),
    };
    order.lineItems.push(lineItem);
    item.lineItemIds.push(lineItem.id);
    item.processedQuantity += quantity;
  }
}

/**
 * `returnProcess`: confirms returned and exchanged quantities, records dispositions, issues the refund
 * (original payment and/or store credit) and adds the exchange items to the order to be fulfilled. A
 * return whose every item is processed closes. Emits `refunds/create`, `reverse_fulfillment_orders/dispose`,
 * `returns/process`, `returns/close` and `orders/updated` as they apply.
 */
export function processReturn(store: SimStore, domain: string, returnId: NumericId, input: ProcessReturnInput): ReturnRecord {
  const state = store.state(domain);
  const record = state.returns.get(returnId);
  if (!record) notFound("Return does not exist.", ["returnId"]);
  if (record.status !== "open") invalid("Return is not processable. Only returns with status OPEN can be processed.", ["returnId"], "INVALID_STATE");
  const order = state.order(record.orderId);
  const lines = planReturnLines(state, record, input);
  const exchanges = planExchangeLines(record, input);
  (input.refundDutyIds ?? []).forEach((_id, index) => notFound("Duty does not exist.", ["refundDuties", String(index), "dutyId"]));
  if (lines.length === 0 && exchanges.length === 0 && !input.refund && !input.refundShipping) {
    invalid("There is nothing to process: give return line items, exchange line items or a financial transfer.", ["returnLineItems"], "BLANK");
  }
  checkRefund(state, order, input);
  const shippingLeft = orderTotals(state, order).currentShipping;
  const shippingAmount = input.refundShipping?.full ? shippingLeft : (input.refundShipping?.amount ?? 0);
  if (shippingAmount > shippingLeft) invalid(`Shipping refund exceeds the refundable shipping of ${(shippingLeft / 100).toFixed(2)}.`, ["refundShipping", "shippingRefundAmount", "amount"]);

  const at = store.now(input.at);
  for (const line of lines) {
    const item = record.lineItems.find((candidate) => candidate.id === line.returnLineItemId)!;
    item.processedQuantity += line.quantity;
    for (const disposition of line.dispositions) {
      const rfoLine = disposition.rfo.lineItems.find((candidate) => candidate.id === disposition.rfoLineItemId)!;
      rfoLine.dispositions.push({ id: store.ids.allocate(), type: disposition.type, quantity: disposition.quantity, locationId: disposition.locationId, createdAt: at });
    }
  }
  const disposedRfoIds = [...new Set(lines.flatMap((line) => line.dispositions.map((d) => d.rfo.id)))];

  let refundId: NumericId | null = null;
  if (input.refund || shippingAmount > 0) {
    const refundLines = lines
      .map((line) => {
        const lineItem = order.lineItems.find((candidate) => candidate.id === line.lineItemId)!;
        const quantity = Math.min(line.quantity, currentQuantity(state, order, lineItem));
        const restocked = line.dispositions.some((d) => d.type === "RESTOCKED");
        return { returnLineItemId: line.returnLineItemId, lineItemId: line.lineItemId, quantity, restockType: restocked ? ("return" as const) : ("no_restock" as const) };
      })
      .filter((line) => line.quantity > 0);
    const transactions = [
      ...(input.refund?.orderTransactions ?? []).map((t) => ({ amount: t.amount, gateway: order.paymentGateway, parentId: t.parentId })),
      ...(input.refund?.storeCredit ?? []).map((c) => ({ amount: c.amount, gateway: STORE_CREDIT_GATEWAY, parentId: null })),
    ];
    const refund = recordRefund(store, domain, order, { lineItems: refundLines.map(({ returnLineItemId: _id, ...line }) => line), shippingAmount, transactions, note: input.note ?? null, returnId: record.id }, at);
    for (const refunded of refundLines) {
      const item = record.lineItems.find((candidate) => candidate.id === refunded.returnLineItemId)!;
      item.refundedQuantity += refunded.quantity;
    }
    creditStoreCredit(store, state, order, refund, input.refund?.storeCredit ?? [], at);
    record.refundIds.push(refund.id);
    refundId = refund.id;
  }
  addExchangeLineItems(store, state, order, exchanges);

  const done =
    record.lineItems.every((item) => item.processedQuantity >= item.quantity) &&
    record.exchangeLineItems.every((item) => item.processedQuantity >= item.quantity);
  if (done) {
    record.status = "closed";
    record.closedAt = at;
    for (const rfo of state.reverseFulfillmentOrdersOf(record)) rfo.status = "closed";
  }
  record.updatedAt = at;
  order.updatedAt = at;
  store.emit(domain, { kind: "return.processed", returnId: record.id, orderId: order.id, refundId, disposedReverseFulfillmentOrderIds: disposedRfoIds, closed: done }, at);
  return record;
}
