import { z } from "zod";

/**
 * The normalised shipment statuses, in progress order. The order only breaks ties between events that
 * happened at the same instant (the later status in this list wins); time decides everything else.
 */
export const SHIPMENT_STATUSES = [
  "label_created",
  "picked_up",
  "in_transit",
  "out_for_delivery",
  "attempted_delivery",
  "ready_for_pickup",
  "delayed",
  "exception",
  "delivered",
  "returned_to_sender",
  "cancelled",
] as const;

export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const shipmentStatusSchema = z.enum(SHIPMENT_STATUSES);

/** Statuses that end a shipment's journey. */
export const TERMINAL_STATUSES: ReadonlySet<ShipmentStatus> = new Set(["delivered", "returned_to_sender", "cancelled"]);

/** The only ways out of a terminal status, and only by a newer event: a delivered parcel can still be refused. */
const EXITS_FROM_TERMINAL: Readonly<Partial<Record<ShipmentStatus, readonly ShipmentStatus[]>>> = {
  delivered: ["returned_to_sender"],
};

/** Statuses of a parcel the carrier already has and is moving towards the shopper. */
const UNDER_WAY: ReadonlySet<ShipmentStatus> = new Set(["in_transit", "out_for_delivery", "attempted_delivery", "ready_for_pickup"]);

/**
 * Whether a newer event of status `next` may replace `current`. Time decides, except that a terminal status
 * is left only by its listed exits, and the pre-shipment steps never come back: carriers send "label created"
 * or "shipment information received" late, after the first scan (USPS does routinely), and a pickup scan
 * after the parcel is under way is a late scan, not a step back.
 */
export function mayFollow(current: ShipmentStatus, next: ShipmentStatus): boolean {
  if (TERMINAL_STATUSES.has(current)) return EXITS_FROM_TERMINAL[current]?.includes(next) ?? false;
  if (next === "label_created") return current === "label_created";
  if (next === "picked_up") return !UNDER_WAY.has(current);
  return true;
}

/**
 * Shopify's fulfillment event `status` / fulfillment `shipment_status` values (lower case; GraphQL's
 * FulfillmentEventStatus is the same set in upper case).
 */
const FROM_SHOPIFY: Readonly<Record<string, ShipmentStatus>> = {
  label_printed: "label_created",
  label_purchased: "label_created",
  confirmed: "label_created",
  carrier_picked_up: "picked_up",
  in_transit: "in_transit",
  out_for_delivery: "out_for_delivery",
  attempted_delivery: "attempted_delivery",
  ready_for_pickup: "ready_for_pickup",
  delayed: "delayed",
  failure: "exception",
  delivered: "delivered",
  // Shopify's picked_up is the shopper collecting a pickup order: the journey's end, like delivered.
  picked_up: "delivered",
};

/** Our status for a Shopify fulfillment event status, or undefined for a value we do not know. */
export function shipmentStatusFromShopify(value: string): ShipmentStatus | undefined {
  return FROM_SHOPIFY[value.toLowerCase()];
}

/** A Shopify event status in a payload, read as our status; an unknown value is a payload error. */
export const shopifyEventStatusSchema = z.string().transform((value, context) => {
  const status = shipmentStatusFromShopify(value);
  if (!status) context.addIssue({ code: "custom", message: `unknown fulfillment event status "${value}"` });
  return status ?? z.NEVER;
});

export interface ShipmentState {
  status: ShipmentStatus;
  /** When the event that set `status` happened. */
  statusAt: Date;
}

export interface StatusEvent {
  status: ShipmentStatus;
  happenedAt: Date;
}

const rank = (status: ShipmentStatus) => SHIPMENT_STATUSES.indexOf(status);

/** Whether `event` comes after the event that set `current` (same instant: the further status). */
export function isNewerThan(event: StatusEvent, current: ShipmentState): boolean {
  const difference = event.happenedAt.getTime() - current.statusAt.getTime();
  return difference > 0 || (difference === 0 && rank(event.status) > rank(current.status));
}

/**
 * The shipment's state after `event`. An event older than the current state is history and changes
 * nothing; a newer one applies when its status may follow the current one (`mayFollow`).
 */
export function nextShipmentState(current: ShipmentState, event: StatusEvent): ShipmentState {
  if (!isNewerThan(event, current) || !mayFollow(current.status, event.status)) return current;
  return { status: event.status, statusAt: event.happenedAt };
}
