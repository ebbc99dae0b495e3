import type { ShipmentStatus } from "../store/types.ts";

/** The shipment states the seeded store shows, each on several orders. */
export const SCENARIOS = [
  "unfulfilled",
  "no_tracking",
  "label_printed",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "attempted_delivery",
  "ready_for_pickup",
  "picked_up",
  "delayed",
  "failure",
  "stalled",
  "cancelled",
  "refunded",
  "partially_fulfilled",
  "split",
  "multi_tracking",
] as const;
export type Scenario = (typeof SCENARIOS)[number];

const H = 1;
const D = 24;

interface ScenarioSpec {
  weight: number;
  minAgeHours: number;
  maxAgeHours?: number;
  /** "end": the last step lands a few hours before now (a shipment still moving); "start": steps follow the order. */
  anchor: "start" | "end";
  minLineItems?: number;
}

export const SCENARIO_SPECS: Record<Scenario, ScenarioSpec> = {
  unfulfilled: { weight: 5, minAgeHours: 0, anchor: "start" },
  no_tracking: { weight: 2, minAgeHours: 12 * H, anchor: "start" },
  label_printed: { weight: 4, minAgeHours: 8 * H, maxAgeHours: 3 * D, anchor: "end" },
  in_transit: { weight: 10, minAgeHours: 30 * H, maxAgeHours: 6 * D, anchor: "end" },
  out_for_delivery: { weight: 4, minAgeHours: 3 * D, maxAgeHours: 5 * D, anchor: "end" },
  delivered: { weight: 30, minAgeHours: 4 * D, anchor: "start" },
  attempted_delivery: { weight: 3, minAgeHours: 3.5 * D, maxAgeHours: 7 * D, anchor: "end" },
  ready_for_pickup: { weight: 3, minAgeHours: 3.5 * D, maxAgeHours: 8 * D, anchor: "end" },
  picked_up: { weight: 2, minAgeHours: 5 * D, anchor: "start" },
  delayed: { weight: 4, minAgeHours: 3 * D, maxAgeHours: 8 * D, anchor: "end" },
  failure: { weight: 3, minAgeHours: 5 * D, anchor: "start" },
  stalled: { weight: 4, minAgeHours: 9 * D, anchor: "start" },
  cancelled: { weight: 4, minAgeHours: 6 * H, anchor: "start" },
  refunded: { weight: 5, minAgeHours: 6 * D, anchor: "start" },
  partially_fulfilled: { weight: 3, minAgeHours: 4 * D, anchor: "start", minLineItems: 2 },
  split: { weight: 5, minAgeHours: 6 * D, anchor: "start", minLineItems: 2 },
  multi_tracking: { weight: 4, minAgeHours: 4 * D, anchor: "start" },
};

export type Where = "origin" | "hub" | "destination";

/** One thing that happens to an order, `hours` after it was placed. */
export type Step =
  | { kind: "fulfill"; hours: number; shipment: number; items: "all" | "first" | "rest"; trackingNumbers: number }
  | { kind: "event"; hours: number; shipment: number; status: ShipmentStatus; message: string; where: Where; etaDays?: number }
  | { kind: "cancel"; hours: number }
  | { kind: "refund"; hours: number };

interface ChainLink {
  after: number;
  status: ShipmentStatus;
  message: string;
  where: Where;
  etaDays?: number;
}

// A parcel's carrier scans, hours after fulfillment.
const CHAIN: ChainLink[] = [
  { after: 0.5, status: "label_printed", message: "Shipping label created", where: "origin" },
  { after: 3, status: "confirmed", message: "Shipment information sent to carrier", where: "origin" },
  { after: 10, status: "carrier_picked_up", message: "Picked up by carrier", where: "origin", etaDays: 3 },
  { after: 20, status: "in_transit", message: "Departed facility", where: "hub", etaDays: 2.5 },
  { after: 44, status: "in_transit", message: "Arrived at destination facility", where: "destination", etaDays: 1.2 },
  { after: 66, status: "out_for_delivery", message: "Out for delivery", where: "destination" },
  { after: 72, status: "delivered", message: "Delivered, left at front door", where: "destination" },
];

function chainUntil(lastIndex: number, fulfilledAt: number, shipment: number): Step[] {
  return CHAIN.slice(0, lastIndex + 1).map((link) => ({ kind: "event", hours: fulfilledAt + link.after, shipment, status: link.status, message: link.message, where: link.where, etaDays: link.etaDays }));
}

const IN_TRANSIT = 4;
const OUT_FOR_DELIVERY = 5;
const DELIVERED = 6;

/** The steps of a scenario, with `fulfillAt` hours between the order and its (first) shipment. */
export function scenarioSteps(scenario: Scenario, fulfillAt: number): Step[] {
  const fulfill = (shipment = 0, items: "all" | "first" | "rest" = "all", trackingNumbers = 1): Step => ({ kind: "fulfill", hours: fulfillAt + (shipment ? 30 : 0), shipment, items, trackingNumbers });
  const event = (hours: number, status: ShipmentStatus, message: string, where: Where, etaDays?: number): Step => ({ kind: "event", hours: fulfillAt + hours, shipment: 0, status, message, where, etaDays });
  switch (scenario) {
    case "unfulfilled":
      return [];
    case "no_tracking":
      return [fulfill(0, "all", 0)];
    case "label_printed":
      return [fulfill(), ...chainUntil(0, fulfillAt, 0)];
    case "in_transit":
      return [fulfill(), ...chainUntil(IN_TRANSIT - 1, fulfillAt, 0)];
    case "out_for_delivery":
      return [fulfill(), ...chainUntil(OUT_FOR_DELIVERY, fulfillAt, 0)];
    case "delivered":
      return [fulfill(), ...chainUntil(DELIVERED, fulfillAt, 0)];
    case "attempted_delivery":
      return [fulfill(), ...chainUntil(OUT_FOR_DELIVERY, fulfillAt, 0), event(74, "attempted_delivery", "Delivery attempted — no access to delivery location", "destination", 1)];
    case "ready_for_pickup":
      return [fulfill(), ...chainUntil(IN_TRANSIT, fulfillAt, 0), event(62, "ready_for_pickup", "Available for pickup at access point", "destination")];
    case "picked_up":
      return [fulfill(), ...chainUntil(IN_TRANSIT, fulfillAt, 0), event(62, "ready_for_pickup", "Available for pickup at access point", "destination"), event(90, "picked_up", "Picked up by customer", "destination")];
    case "delayed":
      return [fulfill(), ...chainUntil(IN_TRANSIT - 1, fulfillAt, 0), event(40, "delayed", "Delayed due to severe weather", "hub", 4)];
    case "failure":
      return [fulfill(), ...chainUntil(IN_TRANSIT, fulfillAt, 0), event(70, "failure", "Address could not be found — returning to sender", "destination")];
    case "stalled":
      return [fulfill(), ...chainUntil(IN_TRANSIT - 1, fulfillAt, 0)];
    case "cancelled":
      return [{ kind: "cancel", hours: fulfillAt / 2 }];
    case "refunded":
      return [fulfill(), ...chainUntil(DELIVERED, fulfillAt, 0), { kind: "refund", hours: fulfillAt + 110 }];
    case "partially_fulfilled":
      return [fulfill(0, "first"), ...chainUntil(DELIVERED, fulfillAt, 0)];
    case "split":
      return [
        fulfill(0, "first"),
        ...chainUntil(DELIVERED, fulfillAt, 0),
        fulfill(1, "rest"),
        ...chainUntil(DELIVERED, fulfillAt + 30, 1),
      ];
    case "multi_tracking":
      return [fulfill(0, "all", 2), ...chainUntil(DELIVERED, fulfillAt, 0)];
  }
}
