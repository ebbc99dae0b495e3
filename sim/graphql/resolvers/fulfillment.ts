import type { FulfillmentEventRecord, FulfillmentRecord, LocationRecord } from "../../store/types.ts";
import { connection, firstOf, type ConnectionArgs } from "../connection.ts";
import type { ResolverContext, TypeResolvers } from "../resolver-types.ts";
import { dateTime } from "../scalars.ts";
import { lineItemSource } from "./order.ts";

function byHappenedAt(events: FulfillmentEventRecord[]): FulfillmentEventRecord[] {
  return [...events].sort((a, b) => a.happenedAt.getTime() - b.happenedAt.getTime());
}

/** What the admin shows for a fulfillment: its latest carrier status, else whether it has tracking. */
function displayStatus(fulfillment: FulfillmentRecord): string {
  if (fulfillment.status === "cancelled") return "CANCELED";
  if (fulfillment.shipmentStatus) return fulfillment.shipmentStatus.toUpperCase();
  return fulfillment.tracking.length > 0 ? "FULFILLED" : "MARKED_AS_FULFILLED";
}

export const fulfillmentResolvers: TypeResolvers<FulfillmentRecord> = {
  status: (fulfillment) => fulfillment.status.toUpperCase(),
  displayStatus: (fulfillment) => displayStatus(fulfillment),
  order: (fulfillment, _args, ctx: ResolverContext) => ctx.state.order(fulfillment.orderId),
  estimatedDeliveryAt: (fulfillment, _args, ctx: ResolverContext) =>
    dateTime(byHappenedAt(ctx.state.eventsOf(fulfillment)).reverse().find((e) => e.estimatedDeliveryAt)?.estimatedDeliveryAt),
  deliveredAt: (fulfillment, _args, ctx: ResolverContext) =>
    dateTime(ctx.state.eventsOf(fulfillment).find((e) => e.status === "delivered" || e.status === "picked_up")?.happenedAt),
  inTransitAt: (fulfillment, _args, ctx: ResolverContext) =>
    dateTime(byHappenedAt(ctx.state.eventsOf(fulfillment)).find((e) => e.status === "in_transit")?.happenedAt),
  location: (fulfillment, _args, ctx: ResolverContext) => ctx.state.locations.get(fulfillment.locationId) ?? null,
  service: (fulfillment) => ({
    id: "gid://shopify/FulfillmentService/manual",
    handle: "manual",
    serviceName: fulfillment.serviceName,
  }),
  requiresShipping: () => true,
  totalQuantity: (fulfillment) => fulfillment.lineItems.reduce((sum, item) => sum + item.quantity, 0),
  trackingInfo: (fulfillment, args: { first?: number | null }) => firstOf(fulfillment.tracking, args.first),
  fulfillmentLineItems: (fulfillment, args: ConnectionArgs, ctx: ResolverContext) => {
    const order = ctx.state.order(fulfillment.orderId);
    const items = fulfillment.lineItems.map((fli) => ({
      id: fli.id,
      quantity: fli.quantity,
      lineItem: lineItemSource(order, order.lineItems.find((li) => li.id === fli.lineItemId)!),
    }));
    return connection(items, args, (item) => [0, item.id]);
  },
  events: (fulfillment, args: ConnectionArgs & { sortKey?: "HAPPENED_AT" | "ID" }, ctx: ResolverContext) =>
    connection(ctx.state.eventsOf(fulfillment), args, (event) =>
      args.sortKey === "HAPPENED_AT" ? [event.happenedAt.getTime(), event.id] : [0, event.id],
    ),
};

export const fulfillmentEventResolvers: TypeResolvers<FulfillmentEventRecord> = {
  // The 2026-07 enum has no PICKED_UP event status (only a display status); Shopify reports it as delivered.
  status: (event) => (event.status === "picked_up" ? "DELIVERED" : event.status.toUpperCase()),
  happenedAt: (event) => dateTime(event.happenedAt),
  estimatedDeliveryAt: (event) => dateTime(event.estimatedDeliveryAt),
};

export const locationResolvers: TypeResolvers<LocationRecord> = {
  address: (location) => ({ ...location.address, countryCode: location.address.countryCode }),
};
