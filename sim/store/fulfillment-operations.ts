import { trackingUrlFor } from "./carriers.ts";
import { throwIfInvalid } from "./errors.ts";
import type { NumericId } from "./ids.ts";
import { fulfillableQuantity, nextFulfillmentName } from "./order-math.ts";
import type { SimStore } from "./store.ts";
import { SHIPMENT_STATUSES, type FulfillmentEventRecord, type FulfillmentRecord, type ShipmentStatus, type TrackingInfo } from "./types.ts";

export interface TrackingInput {
  number: string;
  company?: string | null;
  url?: string | null;
}

export interface FulfillOrderInput {
  /** Defaults to everything still fulfillable. */
  lineItems?: { lineItemId: NumericId; quantity: number }[];
  tracking?: TrackingInput[];
  /** Applies to tracking entries that name no company. */
  trackingCompany?: string | null;
  notifyCustomer?: boolean;
  at?: Date;
}

export interface FulfillmentEventInput {
  status: ShipmentStatus;
  happenedAt?: Date;
  message?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
  zip?: string | null;
  address1?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  estimatedDeliveryAt?: Date | null;
  /** When Shopify records the event; defaults to the clock (carriers report late). */
  at?: Date;
}

function toTracking(entries: TrackingInput[] | undefined, defaultCompany: string | null | undefined): TrackingInfo[] {
  return (entries ?? []).map((entry) => {
    const company = entry.company ?? defaultCompany ?? null;
    return { company, number: entry.number, url: entry.url ?? trackingUrlFor(company, entry.number) };
  });
}

/**
 * Fulfilling line items: `fulfillments/create`, then `orders/fulfilled` or `orders/partially_fulfilled`,
 * and `orders/updated`.
 */
export function fulfillOrder(store: SimStore, domain: string, orderId: NumericId, input: FulfillOrderInput): FulfillmentRecord {
  const state = store.state(domain);
  const order = state.order(orderId);
  throwIfInvalid(order.cancelledAt !== null, `Order ${order.name} is cancelled`);
  const requested =
    input.lineItems ??
    order.lineItems
      .map((item) => ({ lineItemId: item.id, quantity: fulfillableQuantity(state, order, item) }))
      .filter((item) => item.quantity > 0);
  throwIfInvalid(requested.length === 0, `Order ${order.name} has nothing left to fulfill`);
  for (const { lineItemId, quantity } of requested) {
    const item = order.lineItems.find((li) => li.id === lineItemId);
    throwIfInvalid(!item, `Line item ${lineItemId} is not part of order ${order.name}`);
    const open = fulfillableQuantity(state, order, item!);
    throwIfInvalid(quantity < 1 || quantity > open, `Cannot fulfill ${quantity} of ${item!.title}; ${open} fulfillable`);
  }
  const at = store.now(input.at);
  const fulfillment: FulfillmentRecord = {
    id: store.ids.allocate(),
    orderId,
    name: nextFulfillmentName(order),
    status: "success",
    shipmentStatus: null,
    locationId: state.shop.primaryLocationId,
    serviceName: "Manual",
    tracking: toTracking(input.tracking, input.trackingCompany),
    lineItems: requested.map(({ lineItemId, quantity }) => ({ id: store.ids.allocate(), lineItemId, quantity })),
    eventIds: [],
    notifyCustomer: input.notifyCustomer ?? true,
    createdAt: at,
    updatedAt: at,
  };
  state.fulfillments.set(fulfillment.id, fulfillment);
  order.fulfillmentIds.push(fulfillment.id);
  order.updatedAt = at;
  store.emit(domain, { kind: "fulfillment.created", orderId, fulfillmentId: fulfillment.id }, at);
  return fulfillment;
}

/**
 * A carrier scan: `fulfillment_events/create`; the fulfillment's `shipment_status` follows the newest
 * event, so `fulfillments/update` and `orders/updated` follow.
 */
export function addFulfillmentEvent(store: SimStore, domain: string, fulfillmentId: NumericId, input: FulfillmentEventInput): FulfillmentEventRecord {
  const state = store.state(domain);
  const fulfillment = state.fulfillment(fulfillmentId);
  throwIfInvalid(!SHIPMENT_STATUSES.includes(input.status), `Unknown fulfillment event status ${input.status}`);
  throwIfInvalid(fulfillment.status === "cancelled", `Fulfillment ${fulfillment.name} is cancelled`);
  const at = store.now(input.at);
  const event: FulfillmentEventRecord = {
    id: store.ids.allocate(),
    fulfillmentId,
    orderId: fulfillment.orderId,
    status: input.status,
    message: input.message ?? null,
    happenedAt: input.happenedAt ? new Date(input.happenedAt) : at,
    city: input.city ?? null,
    province: input.province ?? null,
    country: input.country ?? null,
    zip: input.zip ?? null,
    address1: input.address1 ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    estimatedDeliveryAt: input.estimatedDeliveryAt ? new Date(input.estimatedDeliveryAt) : null,
    createdAt: at,
    updatedAt: at,
  };
  state.fulfillmentEvents.set(event.id, event);
  fulfillment.eventIds.push(event.id);
  fulfillment.shipmentStatus = latestStatus(state.eventsOf(fulfillment));
  fulfillment.updatedAt = at;
  state.order(fulfillment.orderId).updatedAt = at;
  store.emit(domain, { kind: "fulfillment_event.created", orderId: fulfillment.orderId, fulfillmentId, eventId: event.id }, at);
  return event;
}

/** Events can be reported out of order; the status is that of the event that happened last. */
function latestStatus(events: FulfillmentEventRecord[]): ShipmentStatus | null {
  const sorted = [...events].sort((a, b) => a.happenedAt.getTime() - b.happenedAt.getTime() || Number(BigInt(a.id) - BigInt(b.id)));
  return sorted.at(-1)?.status ?? null;
}

/** Changing tracking numbers: `fulfillments/update` and `orders/updated`. */
export function updateTracking(
  store: SimStore,
  domain: string,
  fulfillmentId: NumericId,
  input: { tracking: TrackingInput[]; trackingCompany?: string | null; notifyCustomer?: boolean; at?: Date },
): FulfillmentRecord {
  const state = store.state(domain);
  const fulfillment = state.fulfillment(fulfillmentId);
  const at = store.now(input.at);
  fulfillment.tracking = toTracking(input.tracking, input.trackingCompany);
  fulfillment.notifyCustomer = input.notifyCustomer ?? fulfillment.notifyCustomer;
  fulfillment.updatedAt = at;
  state.order(fulfillment.orderId).updatedAt = at;
  store.emit(domain, { kind: "fulfillment.updated", orderId: fulfillment.orderId, fulfillmentId }, at);
  return fulfillment;
}

/** Cancelling a fulfillment returns its items to fulfillable: `fulfillments/update`, `orders/updated`. */
export function cancelFulfillment(store: SimStore, domain: string, fulfillmentId: NumericId, input: { at?: Date } = {}): FulfillmentRecord {
  const state = store.state(domain);
  const fulfillment = state.fulfillment(fulfillmentId);
  throwIfInvalid(fulfillment.status === "cancelled", `Fulfillment ${fulfillment.name} is already cancelled`);
  const at = store.now(input.at);
  fulfillment.status = "cancelled";
  fulfillment.updatedAt = at;
  state.order(fulfillment.orderId).updatedAt = at;
  store.emit(domain, { kind: "fulfillment.updated", orderId: fulfillment.orderId, fulfillmentId }, at);
  return fulfillment;
}
