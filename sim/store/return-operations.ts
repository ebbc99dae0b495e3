import { StoreError, throwIfInvalid } from "./errors.ts";
import type { ReturnAction } from "./events.ts";
import type { NumericId } from "./ids.ts";
import { definitionForLegacyReason, reasonDefinition } from "./return-reasons.ts";
import { findFulfillmentLineItem, returnableQuantity } from "./return-quantities.ts";
import type { ShopState } from "./shop-state.ts";
import type { SimStore } from "./store.ts";
import type { Cents, ExchangeAppliedDiscount, ReturnDeclineReasonCode, ReturnLineItemRecord, ReturnReasonCode, ReturnRecord, ReturnStatus, ReverseFulfillmentOrderRecord } from "./types.ts";

export interface ReturnLineItemInput {
  fulfillmentLineItemId: NumericId;
  quantity: number;
  /** The deprecated enum; `returnReasonDefinitionId` wins when both are given. */
  reason?: ReturnReasonCode | null;
  returnReasonDefinitionId?: NumericId | null;
  returnReasonNote?: string | null;
  customerNote?: string | null;
  restockingFeePercentage?: number | null;
}

export interface RequestReturnInput {
  lineItems: ReturnLineItemInput[];
  shippingFee?: Cents | null;
  at?: Date;
}

export interface CreateReturnInput extends RequestReturnInput {
  exchangeLineItems?: { variantId: NumericId; quantity: number; appliedDiscount?: ExchangeAppliedDiscount | null }[];
  requestedAt?: Date | null;
}

/** Field paths are relative to the mutation's input object; the GraphQL layer prefixes the argument name. */
function invalid(message: string, field: string[], code: string): never {
  throw new StoreError("INVALID", message, field, code);
}

function buildLineItems(store: SimStore, state: ShopState, orderId: NumericId, inputs: ReturnLineItemInput[]): ReturnLineItemRecord[] {
  const order = state.order(orderId);
  if (inputs.length === 0) invalid("Return line items can't be blank.", ["returnLineItems"], "BLANK");
  const requestedPerItem = new Map<NumericId, number>();
  return inputs.map((input, index) => {
    const at = ["returnLineItems", String(index)];
    const fli = findFulfillmentLineItem(state, order, input.fulfillmentLineItemId);
    if (!fli) throw new StoreError("NOT_FOUND", "Fulfillment line item does not exist.", [...at, "fulfillmentLineItemId"], "NOT_FOUND");
    if (!Number.isInteger(input.quantity) || input.quantity < 1) invalid("Quantity must be greater than 0.", [...at, "quantity"], "GREATER_THAN");
    const alreadyRequested = requestedPerItem.get(fli.id) ?? 0;
    const available = returnableQuantity(state, order, fli) - alreadyRequested;
    if (input.quantity > available) {
      invalid(`Quantity ${input.quantity} exceeds the returnable quantity of ${Math.max(0, available)}.`, [...at, "quantity"], "INVALID");
    }
    requestedPerItem.set(fli.id, alreadyRequested + input.quantity);
    const fee = input.restockingFeePercentage ?? null;
    if (fee !== null && (fee < 0 || fee > 100)) invalid("Restocking fee percentage must be between 0 and 100.", [...at, "restockingFee", "percentage"], "INVALID");
    const definition = input.returnReasonDefinitionId ? reasonDefinition(input.returnReasonDefinitionId) : undefined;
    if (input.returnReasonDefinitionId && !definition) {
      throw new StoreError("NOT_FOUND", "Return reason definition does not exist.", [...at, "returnReasonDefinitionId"], "NOT_FOUND");
    }
    const reason = definition?.legacyReason ?? input.reason ?? "UNKNOWN";
    return {
      id: store.ids.allocate(),
      fulfillmentLineItemId: fli.id,
      lineItemId: fli.lineItemId,
      quantity: input.quantity,
      returnReason: reason,
      returnReasonDefinitionId: definition?.id ?? definitionForLegacyReason(reason)?.id ?? null,
      returnReasonNote: input.returnReasonNote ?? "",
      customerNote: input.customerNote ?? null,
      restockingFeePercentage: fee,
      processedQuantity: 0,
      refundedQuantity: 0,
    };
  });
}

/** A discount may take an exchange item down to nothing, never below. */
function checkAppliedDiscount(discount: ExchangeAppliedDiscount, unitPrice: Cents, field: string[]): void {
  if ("amount" in discount.value) {
    const { amount } = discount.value;
    if (amount < 0) invalid("Discount amount must be greater than or equal to 0.", [...field, "amount", "amount"], "GREATER_THAN_OR_EQUAL_TO");
    if (amount > unitPrice) invalid("Discount amount can't exceed the item's price.", [...field, "amount", "amount"], "LESS_THAN_OR_EQUAL_TO");
  } else if (discount.value.percentage < 0 || discount.value.percentage > 100) {
    invalid("Discount percentage must be between 0 and 100.", [...field, "percentage"], "INVALID");
  }
}

function newReturn(store: SimStore, state: ShopState, orderId: NumericId, input: CreateReturnInput, status: ReturnStatus, at: Date): ReturnRecord {
  const order = state.order(orderId);
  const lineItems = buildLineItems(store, state, orderId, input.lineItems);
  const exchangeLineItems = (input.exchangeLineItems ?? []).map((exchange, index) => {
    const at = ["exchangeLineItems", String(index)];
    if (!state.variants.has(exchange.variantId)) throw new StoreError("NOT_FOUND", "Variant does not exist.", [...at, "variantId"], "NOT_FOUND");
    if (!Number.isInteger(exchange.quantity) || exchange.quantity < 1) invalid("Quantity must be greater than 0.", [...at, "quantity"], "GREATER_THAN");
    const appliedDiscount = exchange.appliedDiscount ?? null;
    if (appliedDiscount) checkAppliedDiscount(appliedDiscount, state.variant(exchange.variantId).price, [...at, "appliedDiscount", "value"]);
    return { id: store.ids.allocate(), variantId: exchange.variantId, quantity: exchange.quantity, appliedDiscount, processedQuantity: 0, lineItemIds: [] };
  });
  const fee = input.shippingFee ?? null;
  if (fee !== null && fee < 0) invalid("Return shipping fee must be greater than or equal to 0.", ["returnShippingFee", "amount", "amount"], "GREATER_THAN_OR_EQUAL_TO");
  return {
    id: store.ids.allocate(),
    orderId,
    name: `${order.name}-R${order.returnIds.length + 1}`,
    status,
    lineItems,
    exchangeLineItems,
    shippingFee: fee !== null && fee > 0 ? { id: store.ids.allocate(), amount: fee } : null,
    decline: null,
    requestApprovedAt: status === "open" ? at : null,
    closedAt: null,
    reverseFulfillmentOrderIds: [],
    refundIds: [],
    createdAt: input.requestedAt ?? at,
    updatedAt: at,
  };
}

/** Shopify creates one reverse fulfillment order when a return opens: what the merchant expects back. */
function openReverseFulfillmentOrder(store: SimStore, state: ShopState, record: ReturnRecord): ReverseFulfillmentOrderRecord {
  const rfo: ReverseFulfillmentOrderRecord = {
    id: store.ids.allocate(),
    returnId: record.id,
    orderId: record.orderId,
    status: "open",
    lineItems: record.lineItems.map((item) => ({
      id: store.ids.allocate(),
      returnLineItemId: item.id,
      fulfillmentLineItemId: item.fulfillmentLineItemId,
      totalQuantity: item.quantity,
      dispositions: [],
    })),
    reverseDeliveryIds: [],
  };
  state.reverseFulfillmentOrders.set(rfo.id, rfo);
  record.reverseFulfillmentOrderIds.push(rfo.id);
  return rfo;
}

function saveNewReturn(store: SimStore, domain: string, record: ReturnRecord, action: ReturnAction, at: Date): ReturnRecord {
  const state = store.state(domain);
  const order = state.order(record.orderId);
  state.returns.set(record.id, record);
  order.returnIds.push(record.id);
  order.updatedAt = at;
  store.emit(domain, { kind: "return.changed", action, returnId: record.id, orderId: record.orderId }, at);
  return record;
}

/** A customer asking to return fulfilled items (`returnRequest`): status REQUESTED, `returns/request`. */
export function requestReturn(store: SimStore, domain: string, orderId: NumericId, input: RequestReturnInput): ReturnRecord {
  const state = store.state(domain);
  const at = store.now(input.at);
  return saveNewReturn(store, domain, newReturn(store, state, orderId, input, "requested", at), "request", at);
}

/**
 * A merchant (or an app acting for one) creating an approved return (`returnCreate`): status OPEN with a
 * reverse fulfillment order; Shopify announces it as `returns/approve`.
 */
export function createReturn(store: SimStore, domain: string, orderId: NumericId, input: CreateReturnInput): ReturnRecord {
  const state = store.state(domain);
  const at = store.now(input.at);
  const record = newReturn(store, state, orderId, input, "open", at);
  openReverseFulfillmentOrder(store, state, record);
  return saveNewReturn(store, domain, record, "approve", at);
}

type Transition = Exclude<ReturnAction, "request" | "process">;

const TRANSITIONS: Record<Transition, { from: ReturnStatus[]; to: ReturnStatus; refusal: string }> = {
  approve: { from: ["requested"], to: "open", refusal: "Return is not approvable. Only returns with status REQUESTED can be approved." },
  decline: { from: ["requested"], to: "declined", refusal: "Return is not declinable. Only returns with status REQUESTED can be declined." },
  cancel: { from: ["requested", "open"], to: "canceled", refusal: "Return is not cancelable. Only returns with status REQUESTED or OPEN can be canceled." },
  close: { from: ["open"], to: "closed", refusal: "Return is not closable. Only returns with status OPEN can be closed." },
  reopen: { from: ["closed"], to: "open", refusal: "Return is not reopenable. Only returns with status CLOSED can be reopened." },
};

export interface TransitionInput {
  declineReason?: ReturnDeclineReasonCode;
  declineNote?: string | null;
  at?: Date;
}

/** Moves a return through Shopify's states, emitting `returns/<action>`. */
export function transitionReturn(store: SimStore, domain: string, returnId: NumericId, action: Transition, input: TransitionInput = {}): ReturnRecord {
  const state = store.state(domain);
  const record = state.returns.get(returnId);
  if (!record) throw new StoreError("NOT_FOUND", "Return does not exist.", ["id"], "NOT_FOUND");
  const transition = TRANSITIONS[action];
  throwIfInvalid(!transition.from.includes(record.status), transition.refusal, ["id"], "INVALID_STATE");
  const processed = record.lineItems.some((item) => item.processedQuantity > 0) || record.exchangeLineItems.some((item) => item.processedQuantity > 0);
  throwIfInvalid(action === "cancel" && processed, "Return can't be canceled because some items have already been processed.", ["id"], "INVALID_STATE");
  const at = store.now(input.at);
  record.status = transition.to;
  if (action === "approve") {
    record.requestApprovedAt = at;
    openReverseFulfillmentOrder(store, state, record);
  }
  if (action === "decline") record.decline = { reason: input.declineReason ?? "OTHER", note: input.declineNote ?? null };
  if (action === "close") record.closedAt = at;
  if (action === "reopen") record.closedAt = null;
  for (const rfo of state.reverseFulfillmentOrdersOf(record)) {
    if (action === "cancel") rfo.status = "canceled";
    if (action === "close") rfo.status = "closed";
    if (action === "reopen") rfo.status = "open";
  }
  record.updatedAt = at;
  state.order(record.orderId).updatedAt = at;
  store.emit(domain, { kind: "return.changed", action, returnId, orderId: record.orderId }, at);
  return record;
}
