import { throwIfInvalid } from "./errors.ts";
import type { ReturnAction } from "./events.ts";
import type { NumericId } from "./ids.ts";
import type { SimStore } from "./store.ts";
import type { ReturnRecord, ReturnStatus } from "./types.ts";

export interface RequestReturnInput {
  lineItems: { fulfillmentLineItemId: NumericId; quantity: number; reason?: string; customerNote?: string | null }[];
  at?: Date;
}

/** A customer asking to return fulfilled items: `returns/request`. */
export function requestReturn(store: SimStore, domain: string, orderId: NumericId, input: RequestReturnInput): ReturnRecord {
  const state = store.state(domain);
  const order = state.order(orderId);
  const fulfillmentLineItems = state.fulfillmentsOf(order).flatMap((f) => f.lineItems);
  throwIfInvalid(input.lineItems.length === 0, "A return needs at least one line item");
  const at = store.now(input.at);
  const record: ReturnRecord = {
    id: store.ids.allocate(),
    orderId,
    name: `${order.name}-R${order.returnIds.length + 1}`,
    status: "requested",
    lineItems: input.lineItems.map((requested) => {
      const fli = fulfillmentLineItems.find((f) => f.id === requested.fulfillmentLineItemId);
      throwIfInvalid(!fli, `Fulfillment line item ${requested.fulfillmentLineItemId} is not part of order ${order.name}`);
      throwIfInvalid(requested.quantity < 1 || requested.quantity > fli!.quantity, "Return quantity exceeds the fulfilled quantity");
      return {
        id: store.ids.allocate(),
        fulfillmentLineItemId: fli!.id,
        lineItemId: fli!.lineItemId,
        quantity: requested.quantity,
        returnReason: requested.reason ?? "OTHER",
        customerNote: requested.customerNote ?? null,
      };
    }),
    decline: null,
    createdAt: at,
    updatedAt: at,
  };
  state.returns.set(record.id, record);
  order.returnIds.push(record.id);
  order.updatedAt = at;
  store.emit(domain, { kind: "return.changed", action: "request", returnId: record.id, orderId }, at);
  return record;
}

const TRANSITIONS: Record<Exclude<ReturnAction, "request" | "process">, { from: ReturnStatus[]; to: ReturnStatus }> = {
  approve: { from: ["requested"], to: "open" },
  decline: { from: ["requested"], to: "declined" },
  cancel: { from: ["requested", "open"], to: "canceled" },
  close: { from: ["open"], to: "closed" },
  reopen: { from: ["closed"], to: "open" },
};

/** Moves a return through Shopify's states, emitting `returns/<action>`. */
export function transitionReturn(
  store: SimStore,
  domain: string,
  returnId: NumericId,
  action: keyof typeof TRANSITIONS,
  input: { declineReason?: string; declineNote?: string | null; at?: Date } = {},
): ReturnRecord {
  const state = store.state(domain);
  const record = state.return(returnId);
  const transition = TRANSITIONS[action];
  throwIfInvalid(!transition.from.includes(record.status), `Cannot ${action} a return that is ${record.status}`);
  const at = store.now(input.at);
  record.status = transition.to;
  if (action === "decline") record.decline = { reason: input.declineReason ?? "OTHER", note: input.declineNote ?? null };
  record.updatedAt = at;
  store.emit(domain, { kind: "return.changed", action, returnId, orderId: record.orderId }, at);
  return record;
}
