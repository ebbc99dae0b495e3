import { describe, expect, it } from "vitest";
import {
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
/** The only ways out of a terminal status; every other newer event leaves it alone. */
const ALLOWED_TERMINAL_EXITS = new Set(["delivered→returned_to_sender"]);

const pairs = SHIPMENT_STATUSES.flatMap((current) => SHIPMENT_STATUSES.map((next) => [current, next] as const));
const position = (status: ShipmentStatus) => SHIPMENT_STATUSES.indexOf(status);
const mayLeave = (current: ShipmentStatus, next: ShipmentStatus) =>
  !TERMINAL_STATUSES.has(current) || ALLOWED_TERMINAL_EXITS.has(`${current}→${next}`);

describe("nextShipmentState", () => {
  it("GIVEN the terminal statuses THEN they are delivered, returned_to_sender and cancelled", () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(["cancelled", "delivered", "returned_to_sender"]);
  });

  it.each(pairs)("GIVEN %s WHEN an OLDER %s event arrives THEN nothing changes", (current, next) => {
    const state = { status: current, statusAt: T };

    expect(nextShipmentState(state, { status: next, happenedAt: EARLIER })).toBe(state);
  });

  it.each(pairs)("GIVEN %s WHEN a NEWER %s event arrives THEN it wins unless the current status is terminal", (current, next) => {
    const state = { status: current, statusAt: T };

    const result = nextShipmentState(state, { status: next, happenedAt: LATER });

    expect(result).toEqual(mayLeave(current, next) ? { status: next, statusAt: LATER } : state);
  });

  it.each(pairs)("GIVEN %s WHEN a %s event of the SAME instant arrives THEN the further status wins", (current, next) => {
    const state = { status: current, statusAt: T };

    const result = nextShipmentState(state, { status: next, happenedAt: T });

    const advances = position(next) > position(current) && mayLeave(current, next);
    expect(result).toEqual(advances ? { status: next, statusAt: T } : state);
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
