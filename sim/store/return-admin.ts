import type { NumericId } from "./ids.ts";
import type { ProcessReturnInput } from "./return-process.ts";
import type { SimStore } from "./store.ts";
import type { Cents, ReturnRecord } from "./types.ts";

export interface AdminProcessInput {
  lineItems?: { returnLineItemId: NumericId; quantity: number; restock?: boolean }[];
  exchangeLineItems?: { exchangeLineItemId: NumericId; quantity: number }[];
  refund?: { originalPaymentCents?: Cents; storeCreditCents?: Cents };
  noRefund?: boolean;
  refundShipping?: boolean;
  note?: string | null;
  at?: Date;
}

/**
 * What the admin's "Restock and refund" button sends for a merchant: by default every unprocessed item,
 * restocked at the primary location, with the items' value refunded to the original payment.
 */
export function adminProcessInput(store: SimStore, domain: string, record: ReturnRecord, input: AdminProcessInput): ProcessReturnInput {
  const state = store.state(domain);
  const order = state.order(record.orderId);
  const rfoLines = state.reverseFulfillmentOrdersOf(record).flatMap((rfo) => rfo.lineItems);
  const lines =
    input.lineItems ??
    record.lineItems
      .filter((item) => item.quantity > item.processedQuantity)
      .map((item) => ({ returnLineItemId: item.id, quantity: item.quantity - item.processedQuantity, restock: true }));
  const exchanges =
    input.exchangeLineItems ??
    (input.lineItems
      ? []
      : record.exchangeLineItems
          .filter((item) => item.quantity > item.processedQuantity)
          .map((item) => ({ exchangeLineItemId: item.id, quantity: item.quantity - item.processedQuantity })));
  const itemsValue = lines.reduce((sum, line) => {
    const returnLine = record.lineItems.find((item) => item.id === line.returnLineItemId);
    const lineItem = order.lineItems.find((item) => item.id === returnLine?.lineItemId);
    return sum + (lineItem?.price ?? 0) * line.quantity;
  }, 0);
  const cash = input.refund?.originalPaymentCents ?? (input.refund ? 0 : itemsValue);
  const credit = input.refund?.storeCreditCents ?? 0;
  const refund =
    input.noRefund || order.paymentStatus !== "paid" || !order.saleTransactionId || cash + credit === 0
      ? null
      : {
          orderTransactions: cash > 0 ? [{ parentId: order.saleTransactionId, amount: cash }] : [],
          storeCredit: credit > 0 ? [{ amount: credit, expiresAt: null }] : [],
        };
  return {
    returnLineItems: lines.map((line) => {
      const rfoLine = rfoLines.find((candidate) => candidate.returnLineItemId === line.returnLineItemId);
      return {
        id: line.returnLineItemId,
        quantity: line.quantity,
        dispositions: rfoLine
          ? [
              {
                reverseFulfillmentOrderLineItemId: rfoLine.id,
                quantity: line.quantity,
                type: line.restock === false ? ("NOT_RESTOCKED" as const) : ("RESTOCKED" as const),
                locationId: line.restock === false ? null : state.shop.primaryLocationId,
              },
            ]
          : [],
      };
    }),
    exchangeLineItems: exchanges.map((exchange) => ({ id: exchange.exchangeLineItemId, quantity: exchange.quantity })),
    refund,
    refundShipping: input.refundShipping ? { full: true } : null,
    note: input.note ?? null,
    at: input.at,
  };
}
