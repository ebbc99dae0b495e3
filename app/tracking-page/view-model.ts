import { deriveShipmentState } from "~/tracking/shipment-state";
import { shipmentStatusSchema, type ShipmentStatus } from "~/tracking/status";
import { promiseToShow, type OrderPromises } from "~/delivery-estimates/live/order-promises";
import { estimatedDelivery, type DeliveryEstimate } from "./estimated-delivery";
import { shipmentProgress, type Progress } from "./progress";

/** The rows one order's tracking page is built from (app/tracking-page/order-page-data.server.ts loads them). */
export interface OrderPageRows {
  order: { id: string; name: string; locale: string | null; cancelledAt: Date | null; processedAt: Date; shippingCountry: string | null };
  lineItems: { id: string; productId: string | null; title: string; variantTitle: string | null; quantity: number; requiresShipping: boolean }[];
  fulfillments: {
    id: string;
    status: string;
    shipmentStatus: string | null;
    trackingCompany: string | null;
    estimatedDeliveryAt: Date | null;
    shopifyCreatedAt: Date;
    shopifyUpdatedAt: Date;
  }[];
  fulfillmentLineItems: { fulfillmentId: string; lineItemId: string; quantity: number }[];
  shipments: {
    id: string;
    fulfillmentId: string;
    trackingNumber: string;
    trackingUrl: string | null;
    carrier: string | null;
    service: string | null;
    status: string;
    statusAt: Date;
    estimatedDeliveryAt: Date | null;
    deliveredAt: Date | null;
    shippedAt: Date | null;
  }[];
  events: {
    id: string;
    shipmentId: string | null;
    fulfillmentId: string | null;
    status: string;
    happenedAt: Date;
    message: string | null;
    city: string | null;
    province: string | null;
    country: string | null;
  }[];
  /** The order's stored delivery promises (app/delivery-estimates); none yet when absent. */
  promises?: OrderPromises;
}

export interface ItemView {
  title: string;
  variantTitle: string | null;
  quantity: number;
}

export interface EventView {
  status: ShipmentStatus;
  happenedAt: Date;
  message: string | null;
  location: string | null;
}

export interface ParcelView {
  key: string;
  status: ShipmentStatus;
  carrier: string | null;
  service: string | null;
  trackingNumber: string | null;
  /** Only http(s): a carrier or merchant URL of any other scheme is not linked. */
  trackingUrl: string | null;
  estimate: DeliveryEstimate | null;
  deliveredAt: Date | null;
  progress: Progress;
  items: ItemView[];
  /** How many parcels carry this parcel's items (a fulfillment with several tracking numbers). */
  parcelsForItems: number;
  /** Newest first. */
  events: EventView[];
}

export interface OrderView {
  orderId: string;
  name: string;
  cancelled: boolean;
  parcels: ParcelView[];
  /** Items not yet in any live fulfillment ("preparing your order"). */
  unfulfilled: ItemView[];
  /** The promise made at purchase, shown while nothing has shipped. */
  estimate: DeliveryEstimate | null;
  /** Product ids of the order's items, for recommendations. */
  productIds: string[];
}

/** A URL safe to put in an href: http(s) only, so `javascript:` from a carrier never becomes a link. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function statusOf(value: string): ShipmentStatus | undefined {
  const parsed = shipmentStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function locationOf(event: OrderPageRows["events"][number]): string | null {
  return [event.city, event.province, event.country].filter(Boolean).join(", ") || null;
}

/**
 * What the tracking page shows for an order: a parcel per live shipment (a fulfillment without a tracking
 * number is a parcel too), each with its items and its timeline — its own scans plus its fulfillment's
 * events — and the items still being prepared. Parcels of cancelled fulfillments are left out: Shopify
 * puts their items back to unfulfilled.
 */
export function buildOrderView(rows: OrderPageRows): OrderView {
  const lineItems = new Map(rows.lineItems.map((item) => [item.id, item]));
  const liveFulfillments = rows.fulfillments
    .filter((fulfillment) => fulfillment.status !== "cancelled")
    .sort((a, b) => a.shopifyCreatedAt.getTime() - b.shopifyCreatedAt.getTime() || a.id.localeCompare(b.id));
  const liveIds = new Set(liveFulfillments.map((fulfillment) => fulfillment.id));

  const itemsOf = (fulfillmentId: string): ItemView[] =>
    rows.fulfillmentLineItems
      .filter((entry) => entry.fulfillmentId === fulfillmentId && lineItems.has(entry.lineItemId))
      .map((entry) => {
        const item = lineItems.get(entry.lineItemId)!;
        return { title: item.title, variantTitle: item.variantTitle, quantity: entry.quantity };
      });

  const parcels = liveFulfillments.flatMap((fulfillment): ParcelView[] => {
    const shipments = rows.shipments
      .filter((shipment) => shipment.fulfillmentId === fulfillment.id && shipment.status !== "cancelled")
      .sort((a, b) => a.trackingNumber.localeCompare(b.trackingNumber));
    const items = itemsOf(fulfillment.id);
    const fulfillmentEvents = rows.events.filter((event) => event.shipmentId === null && event.fulfillmentId === fulfillment.id);
    if (!shipments.length) return [untrackedParcel(fulfillment, items, fulfillmentEvents)];
    return shipments.map((shipment) => {
      const events = timeline([...fulfillmentEvents, ...rows.events.filter((event) => event.shipmentId === shipment.id)]);
      const status = statusOf(shipment.status) ?? "in_transit";
      return {
        key: shipment.id,
        status,
        carrier: shipment.carrier,
        service: shipment.service,
        trackingNumber: shipment.trackingNumber,
        trackingUrl: safeHttpUrl(shipment.trackingUrl),
        estimate: estimatedDelivery(shipment, rows.promises ? promiseToShow(rows.promises, shipment) : null),
        deliveredAt: shipment.deliveredAt,
        progress: shipmentProgress(status, events.map((event) => event.status)),
        items,
        parcelsForItems: shipments.length,
        events,
      };
    });
  });

  const fulfilled = new Map<string, number>();
  for (const entry of rows.fulfillmentLineItems) {
    if (liveIds.has(entry.fulfillmentId)) fulfilled.set(entry.lineItemId, (fulfilled.get(entry.lineItemId) ?? 0) + entry.quantity);
  }
  const unfulfilled = rows.order.cancelledAt
    ? []
    : rows.lineItems
        .filter((item) => item.requiresShipping)
        .map((item) => ({ title: item.title, variantTitle: item.variantTitle, quantity: item.quantity - (fulfilled.get(item.id) ?? 0) }))
        .filter((item) => item.quantity > 0);

  return {
    orderId: rows.order.id,
    name: rows.order.name,
    cancelled: rows.order.cancelledAt !== null,
    parcels,
    unfulfilled,
    estimate: parcels.length || rows.order.cancelledAt ? null : estimatedDelivery({ status: "pending", estimatedDeliveryAt: null }, rows.promises ? promiseToShow(rows.promises, null) : null),
    productIds: [...new Set(rows.lineItems.flatMap((item) => (item.productId ? [item.productId] : [])))],
  };
}

function timeline(events: OrderPageRows["events"]): EventView[] {
  return events
    .flatMap((event): EventView[] => {
      const status = statusOf(event.status);
      return status ? [{ status, happenedAt: event.happenedAt, message: event.message, location: locationOf(event) }] : [];
    })
    .sort((a, b) => b.happenedAt.getTime() - a.happenedAt.getTime());
}

// A fulfillment shipped without a tracking number: its state comes from its own events, folded the same way
// app/tracking folds a shipment's.
function untrackedParcel(
  fulfillment: OrderPageRows["fulfillments"][number],
  items: ItemView[],
  fulfillmentEvents: OrderPageRows["events"],
): ParcelView {
  const events = timeline(fulfillmentEvents);
  const state = deriveShipmentState(
    fulfillment,
    events.map((event, index) => ({ externalId: String(index), status: event.status, happenedAt: event.happenedAt, estimatedDeliveryAt: null })),
  );
  return {
    key: fulfillment.id,
    status: state.status,
    carrier: fulfillment.trackingCompany,
    service: null,
    trackingNumber: null,
    trackingUrl: null,
    estimate: estimatedDelivery({ status: state.status, estimatedDeliveryAt: state.estimatedDeliveryAt }),
    deliveredAt: state.deliveredAt,
    progress: shipmentProgress(state.status, events.map((event) => event.status)),
    items,
    parcelsForItems: 1,
    events,
  };
}
