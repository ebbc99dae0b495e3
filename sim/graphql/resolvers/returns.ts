import { splitGid } from "../../store/ids.ts";
import { discountedAmount } from "../../store/order-math.ts";
import { reasonDefinition, RETURN_REASON_DEFINITIONS } from "../../store/return-reasons.ts";
import { returnableFulfillments } from "../../store/return-quantities.ts";
import type { ShopState } from "../../store/shop-state.ts";
import type {
  ExchangeLineItemRecord,
  FulfillmentLineItemRecord,
  OrderRecord,
  ReturnLineItemRecord,
  ReturnRecord,
  ReverseDeliveryRecord,
  ReverseFulfillmentOrderLineItemRecord,
  ReverseFulfillmentOrderRecord,
  TransactionRecord,
} from "../../store/types.ts";
import { connection, type ConnectionArgs } from "../connection.ts";
import type { ResolverContext, TypeResolvers } from "../resolver-types.ts";
import { dateTime, moneyBag, moneyV2 } from "../scalars.ts";
import { lineItemSource } from "./order.ts";

const byId = <T extends { id: string }>(item: T): [number, string] => [0, item.id];

/** The shape `FulfillmentLineItem` resolves from (see fulfillment.ts). */
export function fulfillmentLineItemSource(state: ShopState, order: OrderRecord, fli: FulfillmentLineItemRecord) {
  const line = order.lineItems.find((li) => li.id === fli.lineItemId)!;
  return {
    id: fli.id,
    quantity: fli.quantity,
    lineItem: lineItemSource(order, line),
    originalTotalSet: moneyBag(line.price * fli.quantity, order.currency),
    discountedTotalSet: moneyBag(discountedAmount(line, fli.quantity), order.currency),
  };
}

function findFulfillmentLineItem(state: ShopState, order: OrderRecord, id: string) {
  const fli = state.fulfillmentsOf(order).flatMap((f) => f.lineItems).find((item) => item.id === id)!;
  return fulfillmentLineItemSource(state, order, fli);
}

interface ReturnLineItemSource extends ReturnLineItemRecord {
  __typename: "ReturnLineItem";
  record: ReturnRecord;
}

interface ReverseFulfillmentOrderLineItemSource extends ReverseFulfillmentOrderLineItemRecord {
  orderId: string;
}

function rfoLineSource(rfo: ReverseFulfillmentOrderRecord, line: ReverseFulfillmentOrderLineItemRecord): ReverseFulfillmentOrderLineItemSource {
  return { ...line, orderId: rfo.orderId };
}

function transactionsOf(ctx: ResolverContext, record: ReturnRecord): TransactionRecord[] {
  return record.refundIds.flatMap((id) => ctx.state.refund(id).transactions);
}

export const returnResolvers: TypeResolvers<ReturnRecord> = {
  status: (record) => record.status.toUpperCase(),
  order: (record, _args, ctx: ResolverContext) => ctx.state.order(record.orderId),
  createdAt: (record) => dateTime(record.createdAt),
  closedAt: (record) => dateTime(record.closedAt),
  requestApprovedAt: (record) => dateTime(record.requestApprovedAt),
  totalQuantity: (record) => record.lineItems.reduce((sum, item) => sum + item.quantity, 0),
  decline: (record) => record.decline,
  staffMember: () => null,
  returnLineItems: (record, args: ConnectionArgs & { processingStatus?: "PROCESSABLE" | "PROCESSED" | null }) => {
    const items = record.lineItems
      .filter((item) =>
        args.processingStatus === "PROCESSED" ? item.processedQuantity > 0 : args.processingStatus === "PROCESSABLE" ? item.processedQuantity < item.quantity : true,
      )
      .map((item): ReturnLineItemSource => ({ ...item, __typename: "ReturnLineItem", record }));
    return connection(items, args, byId);
  },
  exchangeLineItems: (record, args: ConnectionArgs & { processingStatus?: "PROCESSABLE" | "PROCESSED" | null }) => {
    const items = record.exchangeLineItems.filter((item) =>
      args.processingStatus === "PROCESSED" ? item.processedQuantity > 0 : args.processingStatus === "PROCESSABLE" ? item.processedQuantity < item.quantity : true,
    );
    return connection(items.map((item) => ({ ...item, orderId: record.orderId })), args, byId);
  },
  returnShippingFees: (record, _args, ctx: ResolverContext) =>
    record.shippingFee ? [{ id: record.shippingFee.id, amountSet: moneyBag(record.shippingFee.amount, ctx.state.order(record.orderId).currency) }] : [],
  reverseFulfillmentOrders: (record, args: ConnectionArgs, ctx: ResolverContext) => connection(ctx.state.reverseFulfillmentOrdersOf(record), args, byId),
  refunds: (record, args: ConnectionArgs, ctx: ResolverContext) => connection(record.refundIds.map((id) => ctx.state.refund(id)), args, byId),
  transactions: (record, args: ConnectionArgs, ctx: ResolverContext) => connection(transactionsOf(ctx, record), args, byId),
};

export const returnLineItemResolvers: TypeResolvers<ReturnLineItemSource> = {
  fulfillmentLineItem: (item, _args, ctx: ResolverContext) => findFulfillmentLineItem(ctx.state, ctx.state.order(item.record.orderId), item.fulfillmentLineItemId),
  returnReasonDefinition: (item) => {
    const definition = reasonDefinition(item.returnReasonDefinitionId);
    return definition ? { ...definition, deleted: false } : null;
  },
  processedQuantity: (item) => item.processedQuantity,
  unprocessedQuantity: (item) => item.quantity - item.processedQuantity,
  processableQuantity: (item) => item.quantity - item.processedQuantity,
  refundedQuantity: (item) => item.refundedQuantity,
  refundableQuantity: (item) => item.quantity - item.refundedQuantity,
  restockingFee: (item, _args, ctx: ResolverContext) => {
    if (item.restockingFeePercentage === null) return null;
    const order = ctx.state.order(item.record.orderId);
    const line = order.lineItems.find((li) => li.id === item.lineItemId)!;
    const amount = Math.round((discountedAmount(line, item.quantity) * item.restockingFeePercentage) / 100);
    return { id: `gid://shopify/RestockingFee/${item.id}`, percentage: item.restockingFeePercentage, amountSet: moneyBag(amount, order.currency) };
  },
  totalWeight: (item, _args, ctx: ResolverContext) => {
    const line = ctx.state.order(item.record.orderId).lineItems.find((li) => li.id === item.lineItemId)!;
    return { unit: "GRAMS", value: line.grams * item.quantity };
  },
  withCodeDiscountedTotalPriceSet: (item, _args, ctx: ResolverContext) => {
    const order = ctx.state.order(item.record.orderId);
    const line = order.lineItems.find((li) => li.id === item.lineItemId)!;
    return moneyBag(discountedAmount(line, item.quantity), order.currency);
  },
};

export const exchangeLineItemResolvers: TypeResolvers<ExchangeLineItemRecord & { orderId: string }> = {
  variantId: (item) => `gid://shopify/ProductVariant/${item.variantId}`,
  unprocessedQuantity: (item) => item.quantity - item.processedQuantity,
  processableQuantity: (item) => item.quantity - item.processedQuantity,
  lineItems: (item, _args, ctx: ResolverContext) => {
    const order = ctx.state.order(item.orderId);
    return item.lineItemIds.map((id) => lineItemSource(order, order.lineItems.find((li) => li.id === id)!));
  },
  lineItem: (item, _args, ctx: ResolverContext) => {
    const order = ctx.state.order(item.orderId);
    const first = item.lineItemIds[0];
    return first ? lineItemSource(order, order.lineItems.find((li) => li.id === first)!) : null;
  },
};

export const reverseFulfillmentOrderResolvers: TypeResolvers<ReverseFulfillmentOrderRecord> = {
  status: (rfo) => rfo.status.toUpperCase(),
  order: (rfo, _args, ctx: ResolverContext) => ctx.state.order(rfo.orderId),
  thirdPartyConfirmation: () => null,
  lineItems: (rfo, args: ConnectionArgs) => connection(rfo.lineItems.map((line) => rfoLineSource(rfo, line)), args, byId),
  reverseDeliveries: (rfo, args: ConnectionArgs, ctx: ResolverContext) => connection(rfo.reverseDeliveryIds.map((id) => ctx.state.reverseDelivery(id)), args, byId),
};

export const reverseFulfillmentOrderLineItemResolvers: TypeResolvers<ReverseFulfillmentOrderLineItemSource> = {
  fulfillmentLineItem: (line, _args, ctx: ResolverContext) => findFulfillmentLineItem(ctx.state, ctx.state.order(line.orderId), line.fulfillmentLineItemId),
  dispositions: (line, _args, ctx: ResolverContext) =>
    line.dispositions.map((d) => ({
      id: d.id,
      quantity: d.quantity,
      type: d.type,
      createdAt: dateTime(d.createdAt),
      location: d.locationId ? (ctx.state.locations.get(d.locationId) ?? null) : null,
    })),
};

export const reverseDeliveryResolvers: TypeResolvers<ReverseDeliveryRecord> = {
  reverseFulfillmentOrder: (delivery, _args, ctx: ResolverContext) => ctx.state.reverseFulfillmentOrder(delivery.reverseFulfillmentOrderId),
  deliverable: (delivery) => ({
    __typename: "ReverseDeliveryShippingDeliverable",
    tracking: delivery.tracking,
    label: delivery.label
      ? { publicFileUrl: delivery.label.fileUrl, createdAt: dateTime(delivery.label.createdAt), updatedAt: dateTime(delivery.label.updatedAt) }
      : null,
  }),
  reverseDeliveryLineItems: (delivery, args: ConnectionArgs, ctx: ResolverContext) => {
    const rfo = ctx.state.reverseFulfillmentOrder(delivery.reverseFulfillmentOrderId);
    const items = delivery.lineItems.map((item) => ({
      id: item.id,
      quantity: item.quantity,
      dispositions: [],
      reverseFulfillmentOrderLineItem: rfoLineSource(rfo, rfo.lineItems.find((line) => line.id === item.reverseFulfillmentOrderLineItemId)!),
    }));
    return connection(items, args, byId);
  },
};

export const orderTransactionResolvers: TypeResolvers<TransactionRecord> = {
  kind: (t) => t.kind.toUpperCase(),
  status: (t) => t.status.toUpperCase(),
  amountSet: (t, _args, ctx: ResolverContext) => moneyBag(t.amount, ctx.state.order(t.orderId).currency),
  createdAt: (t) => dateTime(t.createdAt),
  processedAt: (t) => dateTime(t.createdAt),
  formattedGateway: (t) => (t.gateway === "shopify_payments" ? "Shopify Payments" : t.gateway === "shopify_store_credit" ? "Store credit" : t.gateway),
  test: () => false,
  manualPaymentGateway: () => false,
  manuallyCapturable: () => false,
  multiCapturable: () => false,
  order: (t, _args, ctx: ResolverContext) => ctx.state.order(t.orderId),
  parentTransaction: (t, _args, ctx: ResolverContext) => {
    if (!t.parentId) return null;
    return saleTransactions(ctx.state, ctx.state.order(t.orderId)).find((sale) => sale.id === t.parentId) ?? null;
  },
  maximumRefundableV2: (t, _args, ctx: ResolverContext) => {
    if (t.kind !== "sale") return null;
    const order = ctx.state.order(t.orderId);
    const refunded = ctx.state.refundsOf(order).flatMap((r) => r.transactions).filter((r) => r.parentId === t.id).reduce((sum, r) => sum + r.amount, 0);
    return moneyV2(Math.max(0, t.amount - refunded), order.currency);
  },
};

/** The order's checkout payment, as one SALE (or AUTHORIZATION) transaction. */
export function saleTransactions(state: ShopState, order: OrderRecord): TransactionRecord[] {
  if (!order.saleTransactionId || order.paymentStatus === "pending") return [];
  const lines = order.lineItems.reduce((sum, item) => sum + discountedAmount(item, item.quantity), 0);
  const exchangeLineIds = new Set(state.returnsOf(order).flatMap((r) => r.exchangeLineItems.flatMap((e) => e.lineItemIds)));
  const exchanged = order.lineItems.filter((item) => exchangeLineIds.has(item.id)).reduce((sum, item) => sum + discountedAmount(item, item.quantity), 0);
  return [
    {
      id: order.saleTransactionId,
      orderId: order.id,
      kind: order.paymentStatus === "authorized" ? "authorization" : "sale",
      gateway: order.paymentGateway,
      status: "success",
      amount: lines - exchanged + order.shippingLine.price + order.taxCents,
      message: null,
      parentId: null,
      createdAt: order.processedAt,
    },
  ];
}

export function orderTransactions(state: ShopState, order: OrderRecord): TransactionRecord[] {
  return [...saleTransactions(state, order), ...state.refundsOf(order).flatMap((refund) => refund.transactions)];
}

export const returnQueryResolvers: TypeResolvers<unknown> = {
  return: (_root, args: { id: string }, ctx: ResolverContext) => {
    const parsed = splitGid(args.id);
    return parsed?.typeName === "Return" ? (ctx.state.returns.get(parsed.id) ?? null) : null;
  },
  returnableFulfillments: (_root, args: ConnectionArgs & { orderId?: string }, ctx: ResolverContext) => {
    const parsed = splitGid(args.orderId ?? "");
    const order = parsed?.typeName === "Order" ? ctx.state.orders.get(parsed.id) : undefined;
    const items = order ? returnableFulfillments(ctx.state, order).map((r) => returnableFulfillmentSource(ctx.state, order, r)) : [];
    return connection(items, args, byId);
  },
  returnableFulfillment: (_root, args: { id: string }, ctx: ResolverContext) => {
    const parsed = splitGid(args.id);
    if (parsed?.typeName !== "ReturnableFulfillment") return null;
    const fulfillment = ctx.state.fulfillments.get(parsed.id);
    if (!fulfillment) return null;
    const order = ctx.state.order(fulfillment.orderId);
    const found = returnableFulfillments(ctx.state, order).find((r) => r.fulfillment.id === fulfillment.id);
    return found ? returnableFulfillmentSource(ctx.state, order, found) : null;
  },
  returnReasonDefinitions: (_root, args: ConnectionArgs & { handles?: string[] | null; ids?: string[] | null; sortKey?: string | null }) => {
    const ids = args.ids?.map((id) => splitGid(id)?.id);
    const items = RETURN_REASON_DEFINITIONS.filter(
      (d) => (!args.handles || args.handles.includes(d.handle)) && (!ids || ids.includes(d.id)),
    ).map((d) => ({ ...d, deleted: false }));
    const sortKey = args.sortKey ?? "ID";
    return connection(items, args, (d) => (sortKey === "HANDLE" ? [d.handle, d.id] : sortKey === "NAME" ? [d.name, d.id] : [Number(d.id), d.id]));
  },
  reverseFulfillmentOrder: (_root, args: { id: string }, ctx: ResolverContext) => {
    const parsed = splitGid(args.id);
    return parsed?.typeName === "ReverseFulfillmentOrder" ? (ctx.state.reverseFulfillmentOrders.get(parsed.id) ?? null) : null;
  },
  reverseDelivery: (_root, args: { id: string }, ctx: ResolverContext) => {
    const parsed = splitGid(args.id);
    return parsed?.typeName === "ReverseDelivery" ? (ctx.state.reverseDeliveries.get(parsed.id) ?? null) : null;
  },
};

function returnableFulfillmentSource(state: ShopState, order: OrderRecord, returnable: ReturnType<typeof returnableFulfillments>[number]) {
  return {
    id: `gid://shopify/ReturnableFulfillment/${returnable.fulfillment.id}`,
    fulfillment: returnable.fulfillment,
    returnableFulfillmentLineItems: (args: ConnectionArgs) =>
      connection(
        returnable.lineItems.map((item) => ({
          id: item.fulfillmentLineItem.id,
          quantity: item.quantity,
          fulfillmentLineItem: fulfillmentLineItemSource(state, order, item.fulfillmentLineItem),
        })),
        args,
        byId,
      ),
  };
}

export const returnableFulfillmentResolvers: TypeResolvers<ReturnType<typeof returnableFulfillmentSource>> = {
  id: (source) => source.id,
  returnableFulfillmentLineItems: (source, args: ConnectionArgs) => source.returnableFulfillmentLineItems(args),
};
