import { StoreError } from "../../store/errors.ts";
import type { ReturnLineItemInput } from "../../store/return-operations.ts";
import type { ProcessReturnInput } from "../../store/return-process.ts";
import type { DispositionType, ExchangeAppliedDiscount, ReturnDeclineReasonCode, ReturnReasonCode } from "../../store/types.ts";
import type { ResolverContext, TypeResolvers } from "../resolver-types.ts";
import { centsOf, idOf, runMutation } from "./mutation-support.ts";

type MoneyInput = { amount: string; currencyCode: string };

interface LineInput {
  fulfillmentLineItemId: string;
  quantity: number;
  returnReason?: ReturnReasonCode | null;
  returnReasonDefinitionId?: string | null;
  returnReasonNote?: string | null;
  customerNote?: string | null;
  restockingFee?: { percentage: number } | null;
}

interface ReturnInputArgs {
  orderId: string;
  returnLineItems: LineInput[];
  exchangeLineItems?: { variantId?: string | null; quantity: number; appliedDiscount?: AppliedDiscountInput | null }[] | null;
  returnShippingFee?: { amount: MoneyInput } | null;
  requestedAt?: string | null;
}

interface AppliedDiscountInput {
  description?: string | null;
  value: { amount?: MoneyInput | null; percentage?: number | null };
}

const RETURN_PAYLOAD = { return: null };

/** `ExchangeLineItemInput.appliedDiscount`: a fixed amount (in the order's currency) or a percentage; the value is @oneOf. */
function appliedDiscountOf(input: AppliedDiscountInput | null | undefined, currency: string, field: string[]): ExchangeAppliedDiscount | null {
  if (!input) return null;
  const { amount, percentage } = input.value;
  const description = input.description ?? null;
  return amount ? { description, value: { amount: centsOf(amount, currency, [...field, "value", "amount"]) } } : { description, value: { percentage: percentage ?? 0 } };
}

function orderOf(ctx: ResolverContext, orderGid: string) {
  const orderId = idOf(orderGid, "Order", ["orderId"]);
  const order = ctx.state.orders.get(orderId);
  if (!order) throw new StoreError("NOT_FOUND", "Order does not exist.", ["orderId"], "NOT_FOUND");
  return order;
}

function lineInputs(lines: LineInput[]): ReturnLineItemInput[] {
  return lines.map((line, index) => ({
    fulfillmentLineItemId: idOf(line.fulfillmentLineItemId, "FulfillmentLineItem", ["returnLineItems", String(index), "fulfillmentLineItemId"]),
    quantity: line.quantity,
    reason: line.returnReason ?? null,
    returnReasonDefinitionId: line.returnReasonDefinitionId
      ? idOf(line.returnReasonDefinitionId, "ReturnReasonDefinition", ["returnLineItems", String(index), "returnReasonDefinitionId"])
      : null,
    returnReasonNote: line.returnReasonNote ?? null,
    customerNote: line.customerNote ?? null,
    restockingFeePercentage: line.restockingFee?.percentage ?? null,
  }));
}

function returnInput(ctx: ResolverContext, input: ReturnInputArgs) {
  const order = orderOf(ctx, input.orderId);
  return {
    order,
    input: {
      lineItems: lineInputs(input.returnLineItems),
      shippingFee: input.returnShippingFee ? centsOf(input.returnShippingFee.amount, order.currency, ["returnShippingFee", "amount"]) : null,
      exchangeLineItems: (input.exchangeLineItems ?? []).map((exchange, index) => {
        const field = ["exchangeLineItems", String(index), "variantId"];
        if (!exchange.variantId) throw new StoreError("INVALID", "Variant can't be blank.", field, "BLANK");
        const appliedDiscount = appliedDiscountOf(exchange.appliedDiscount, order.currency, ["exchangeLineItems", String(index), "appliedDiscount"]);
        return { variantId: idOf(exchange.variantId, "ProductVariant", field, "variant"), quantity: exchange.quantity, appliedDiscount };
      }),
      requestedAt: input.requestedAt ? new Date(input.requestedAt) : null,
    },
  };
}

interface ProcessArgs {
  returnId: string;
  returnLineItems?: {
    id: string;
    quantity: number;
    dispositions?: { reverseFulfillmentOrderLineItemId: string; quantity: number; dispositionType: DispositionType; locationId?: string | null }[] | null;
  }[] | null;
  exchangeLineItems?: { id: string; quantity: number }[] | null;
  financialTransfer?: {
    issueRefund?: {
      orderTransactions: { parentId: string; transactionAmount: MoneyInput }[];
      refundMethods?: { storeCreditRefund?: { amount: MoneyInput; expiresAt?: string | null } | null }[] | null;
      allowOverRefunding?: boolean | null;
    } | null;
  } | null;
  refundShipping?: { fullRefund?: boolean | null; shippingRefundAmount?: MoneyInput | null } | null;
  refundDuties?: { dutyId: string }[] | null;
  note?: string | null;
}

function processInput(ctx: ResolverContext, args: ProcessArgs): { returnId: string; input: ProcessReturnInput } {
  const returnId = idOf(args.returnId, "Return", ["returnId"]);
  const record = ctx.state.returns.get(returnId);
  if (!record) throw new StoreError("NOT_FOUND", "Return does not exist.", ["returnId"], "NOT_FOUND");
  const currency = ctx.state.order(record.orderId).currency;
  const refund = args.financialTransfer?.issueRefund;
  const refundAt = ["financialTransfer", "issueRefund"];
  return {
    returnId,
    input: {
      returnLineItems: (args.returnLineItems ?? []).map((line, index) => ({
        id: idOf(line.id, "ReturnLineItem", ["returnLineItems", String(index), "id"]),
        quantity: line.quantity,
        dispositions: (line.dispositions ?? []).map((d, dIndex) => {
          const at = ["returnLineItems", String(index), "dispositions", String(dIndex)];
          return {
            reverseFulfillmentOrderLineItemId: idOf(d.reverseFulfillmentOrderLineItemId, "ReverseFulfillmentOrderLineItem", [...at, "reverseFulfillmentOrderLineItemId"]),
            quantity: d.quantity,
            type: d.dispositionType,
            locationId: d.locationId ? idOf(d.locationId, "Location", [...at, "locationId"]) : null,
          };
        }),
      })),
      exchangeLineItems: (args.exchangeLineItems ?? []).map((line, index) => ({
        id: idOf(line.id, "ExchangeLineItem", ["exchangeLineItems", String(index), "id"]),
        quantity: line.quantity,
      })),
      refund: refund
        ? {
            orderTransactions: refund.orderTransactions.map((t, index) => {
              const at = [...refundAt, "orderTransactions", String(index)];
              return { parentId: idOf(t.parentId, "OrderTransaction", [...at, "parentId"]), amount: centsOf(t.transactionAmount, currency, [...at, "transactionAmount"]) };
            }),
            storeCredit: (refund.refundMethods ?? []).flatMap((method, index) =>
              method.storeCreditRefund
                ? [
                    {
                      amount: centsOf(method.storeCreditRefund.amount, currency, [...refundAt, "refundMethods", String(index), "storeCreditRefund", "amount"]),
                      expiresAt: method.storeCreditRefund.expiresAt ? new Date(method.storeCreditRefund.expiresAt) : null,
                    },
                  ]
                : [],
            ),
            allowOverRefunding: refund.allowOverRefunding ?? false,
          }
        : null,
      refundShipping: args.refundShipping
        ? {
            full: args.refundShipping.fullRefund ?? false,
            amount: args.refundShipping.shippingRefundAmount ? centsOf(args.refundShipping.shippingRefundAmount, currency, ["refundShipping", "shippingRefundAmount"]) : undefined,
          }
        : null,
      refundDutyIds: (args.refundDuties ?? []).map((duty) => duty.dutyId),
      note: args.note ?? null,
    },
  };
}

function returnIdOf(value: string, field: string[]) {
  return idOf(value, "Return", field);
}

export const returnMutationResolvers: TypeResolvers<unknown> = {
  returnRequest: (_root, args: { input?: ReturnInputArgs }, ctx: ResolverContext) =>
    runMutation(["input"], RETURN_PAYLOAD, () => {
      const { order, input } = returnInput(ctx, args.input!);
      return { return: ctx.store.requestReturn(ctx.state.shop.domain, order.id, { lineItems: input.lineItems, shippingFee: input.shippingFee }) };
    }),
  returnCreate: (_root, args: { returnInput?: ReturnInputArgs }, ctx: ResolverContext) =>
    runMutation(["returnInput"], RETURN_PAYLOAD, () => {
      const { order, input } = returnInput(ctx, args.returnInput!);
      return { return: ctx.store.createReturn(ctx.state.shop.domain, order.id, input) };
    }),
  returnApproveRequest: (_root, args: { input?: { id: string } }, ctx: ResolverContext) =>
    runMutation(["input"], RETURN_PAYLOAD, () => ({
      return: ctx.store.transitionReturn(ctx.state.shop.domain, returnIdOf(args.input!.id, ["id"]), "approve"),
    })),
  returnDeclineRequest: (_root, args: { input?: { id: string; declineReason: ReturnDeclineReasonCode; declineNote?: string | null } }, ctx: ResolverContext) =>
    runMutation(["input"], RETURN_PAYLOAD, () => {
      const input = args.input!;
      return {
        return: ctx.store.transitionReturn(ctx.state.shop.domain, returnIdOf(input.id, ["id"]), "decline", {
          declineReason: input.declineReason,
          declineNote: input.declineNote ?? null,
        }),
      };
    }),
  returnCancel: (_root, args: { id?: string }, ctx: ResolverContext) =>
    runMutation([], RETURN_PAYLOAD, () => ({ return: ctx.store.transitionReturn(ctx.state.shop.domain, returnIdOf(args.id!, ["id"]), "cancel") })),
  returnClose: (_root, args: { id?: string }, ctx: ResolverContext) =>
    runMutation([], RETURN_PAYLOAD, () => ({ return: ctx.store.transitionReturn(ctx.state.shop.domain, returnIdOf(args.id!, ["id"]), "close") })),
  returnReopen: (_root, args: { id?: string }, ctx: ResolverContext) =>
    runMutation([], RETURN_PAYLOAD, () => ({ return: ctx.store.transitionReturn(ctx.state.shop.domain, returnIdOf(args.id!, ["id"]), "reopen") })),
  returnProcess: (_root, args: { input?: ProcessArgs }, ctx: ResolverContext) =>
    runMutation(["input"], RETURN_PAYLOAD, () => {
      const { returnId, input } = processInput(ctx, args.input!);
      return { return: ctx.store.processReturn(ctx.state.shop.domain, returnId, input) };
    }),
  reverseDeliveryCreateWithShipping: (
    _root,
    args: {
      reverseFulfillmentOrderId?: string;
      reverseDeliveryLineItems?: { reverseFulfillmentOrderLineItemId: string; quantity: number }[];
      trackingInput?: { number?: string | null; url?: string | null } | null;
      labelInput?: { fileUrl: string } | null;
    },
    ctx: ResolverContext,
  ) =>
    runMutation([], { reverseDelivery: null }, () => {
      const rfoId = idOf(args.reverseFulfillmentOrderId!, "ReverseFulfillmentOrder", ["reverseFulfillmentOrderId"]);
      const lineItems = (args.reverseDeliveryLineItems ?? []).map((line, index) => ({
        reverseFulfillmentOrderLineItemId: idOf(line.reverseFulfillmentOrderLineItemId, "ReverseFulfillmentOrderLineItem", [
          "reverseDeliveryLineItems",
          String(index),
          "reverseFulfillmentOrderLineItemId",
        ]),
        quantity: line.quantity,
      }));
      return {
        reverseDelivery: ctx.store.createReverseDelivery(ctx.state.shop.domain, rfoId, {
          lineItems,
          tracking: args.trackingInput ?? null,
          labelFileUrl: args.labelInput?.fileUrl ?? null,
        }),
      };
    }),
};
