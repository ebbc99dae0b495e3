import { describe, expect, it } from "vitest";
import {
  mayFollow,
  nextShipmentState,
  SHIPMENT_STATUSES,
  shipmentStatusFromShopify,
  TERMINAL_STATUSES,
  type ShipmentStatus,
} from "../status";

describe("shipmentStatusFromShopify", () => {
  it.each([
    ["label_printed", "label_created"],
    ["label_purchased", "label_created"],
    ["confirmed", "label_created"],
    ["carrier_picked_up", "picked_up"],
    ["in_transit", "in_transit"],
    ["out_for_delivery", "out_for_delivery"],
    ["attempted_delivery", "attempted_delivery"],
    ["ready_for_pickup", "ready_for_pickup"],
    ["delayed", "delayed"],
    ["failure", "exception"],
    ["delivered", "delivered"],
    ["picked_up", "delivered"],
    ["IN_TRANSIT", "in_transit"],
    ["CARRIER_PICKED_UP", "picked_up"],
  ])("GIVEN Shopify's %s WHEN normalised THEN it is %s", (shopify, ours) => {
    expect(shipmentStatusFromShopify(shopify)).toBe(ours);
  });

  it.each(["", "teleported", "label_voided"])("GIVEN the unknown value %j WHEN normalised THEN there is no status", (value) => {
    expect(shipmentStatusFromShopify(value)).toBeUndefined();
  });
});

const T = new Date("2026-11-20T12:00:00Z");
const EARLIER = new Date(T.getTime() - 60_000);
const LATER = new Date(T.getTime() + 60_000);

const EVERYTHING_BUT = (...allowed: ShipmentStatus[]) => SHIPMENT_STATUSES.filter((status) => !allowed.includes(status));
/**
 * For each current status, the statuses a NEWER event may not set: terminal statuses keep everything out but
 * their exit (a delivered parcel can be refused), and pre-shipment steps never come back once the parcel moved.
 */
const REFUSED_EVEN_WHEN_NEWER: Record<ShipmentStatus, readonly ShipmentStatus[]> = {
  label_created: [],
  picked_up: ["label_created"],
  in_transit: ["label_created", "picked_up"],
  out_for_delivery: ["label_created", "picked_up"],
  attempted_delivery: ["label_created", "picked_up"],
  ready_for_pickup: ["label_created", "picked_up"],
  delayed: ["label_created"],
  exception: ["label_created"],
  delivered: EVERYTHING_BUT("returned_to_sender"),
  returned_to_sender: SHIPMENT_STATUSES,
  cancelled: SHIPMENT_STATUSES,
};

const pairs = SHIPMENT_STATUSES.flatMap((current) => SHIPMENT_STATUSES.map((next) => [current, next] as const));
const position = (status: ShipmentStatus) => SHIPMENT_STATUSES.indexOf(status);
const mayFollowByTable = (current: ShipmentStatus, next: ShipmentStatus) => !REFUSED_EVEN_WHEN_NEWER[current].includes(next);

describe("nextShipmentState", () => {
  it("GIVEN the terminal statuses THEN they are delivered, returned_to_sender and cancelled", () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(["cancelled", "delivered", "returned_to_sender"]);
  });

  it.each(pairs)("GIVEN %s WHEN an OLDER %s event arrives THEN nothing changes", (current, next) => {
    const state = { status: current, statusAt: T };

    expect(nextShipmentState(state, { status: next, happenedAt: EARLIER })).toBe(state);
  });

  it.each(pairs)("GIVEN %s WHEN a NEWER %s event arrives THEN it wins unless the table refuses that step", (current, next) => {
    const state = { status: current, statusAt: T };

    const result = nextShipmentState(state, { status: next, happenedAt: LATER });

    expect(result).toEqual(mayFollowByTable(current, next) ? { status: next, statusAt: LATER } : state);
    expect(mayFollow(current, next)).toBe(mayFollowByTable(current, next));
  });

  it.each(pairs)("GIVEN %s WHEN a %s event of the SAME instant arrives THEN the further status wins", (current, next) => {
    const state = { status: current, statusAt: T };

    const result = nextShipmentState(state, { status: next, happenedAt: T });

    const advances = position(next) > position(current) && mayFollowByTable(current, next);
    expect(result).toEqual(advances ? { status: next, statusAt: T } : state);
  });

  it.each([
    ["USPS's late 'shipment information received'", ["picked_up", "in_transit", "label_created"], "in_transit"],
    ["a pickup scan logged after the first hub scan", ["label_created", "in_transit", "picked_up"], "in_transit"],
    ["a delay before pickup, then the pickup", ["label_created", "delayed", "picked_up"], "picked_up"],
    ["an exception, then the parcel moves again", ["in_transit", "exception", "in_transit"], "in_transit"],
    ["a failed attempt, then back to the depot", ["out_for_delivery", "attempted_delivery", "in_transit"], "in_transit"],
    ["a delivered parcel refused and returned", ["out_for_delivery", "delivered", "returned_to_sender"], "returned_to_sender"],
    ["a stray scan after delivery", ["out_for_delivery", "delivered", "in_transit"], "delivered"],
    ["a return delivered back to the sender", ["in_transit", "returned_to_sender", "delivered"], "returned_to_sender"],
  ] as const)("GIVEN %s WHEN folded in time order THEN the state is %s", (_case, statuses, expected) => {
    let state = { status: "label_created" as ShipmentStatus, statusAt: new Date(0) };

    statuses.forEach((status, hour) => {
      state = nextShipmentState(state, { status, happenedAt: new Date(T.getTime() + hour * 3_600_000) });
    });

    expect(state.status).toBe(expected);
  });

  it("GIVEN a sequence of events in any order WHEN folded in time order THEN late ones never regress the state", () => {
    const events = [
      { status: "in_transit" as const, happenedAt: new Date("2026-11-20T10:00:00Z") },
      { status: "out_for_delivery" as const, happenedAt: new Date("2026-11-21T08:00:00Z") },
      { status: "delivered" as const, happenedAt: new Date("2026-11-21T15:00:00Z") },
    ];
    let state = { status: "label_created" as ShipmentStatus, statusAt: new Date(0) };

    for (const event of [events[2]!, events[0]!, events[1]!]) state = nextShipmentState(state, event);

    expect(state).toEqual({ status: "delivered", statusAt: events[2]!.happenedAt });
  });
});
