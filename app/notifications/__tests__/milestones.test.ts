import { describe, expect, it } from "vitest";
import { SHIPMENT_STATUSES, type ShipmentStatus } from "~/tracking/status";
import { milestoneFor, milestoneStillCurrent, SHIPMENT_MILESTONES, type ShipmentMilestone } from "../milestones";

const ANNOUNCED: Partial<Record<ShipmentStatus, ShipmentMilestone>> = {
  out_for_delivery: "out_for_delivery",
  attempted_delivery: "attempted_delivery",
  ready_for_pickup: "ready_for_pickup",
  delayed: "delayed",
  exception: "exception",
  delivered: "delivered",
  returned_to_sender: "returned_to_sender",
};

/** The rule, written out independently of the implementation, for every (previous, next) pair. */
function expected(previous: ShipmentStatus | null, next: ShipmentStatus): ShipmentMilestone | null {
  if (previous === next) return null;
  if (ANNOUNCED[next]) return ANNOUNCED[next]!;
  if (previous === null) return next === "cancelled" ? null : "shipped";
  if (previous === "label_created" && (next === "picked_up" || next === "in_transit")) return "shipped";
  return null;
}

const PAIRS = [null, ...SHIPMENT_STATUSES].flatMap((previous) => SHIPMENT_STATUSES.map((next) => ({ previous, next, milestone: expected(previous, next) })));

describe("milestoneFor", () => {
  it(`covers all ${PAIRS.length} (previous, next) pairs`, () => {
    expect(PAIRS).toHaveLength(12 * 11);
  });

  it.each(PAIRS)("GIVEN $previous → $next THEN the milestone is $milestone", ({ previous, next, milestone }) => {
    expect(milestoneFor(previous, next)).toBe(milestone);
  });

  it.each([
    ["in_transit", "in_transit"],
    ["picked_up", "in_transit"],
    ["delayed", "in_transit"],
    ["exception", "in_transit"],
    ["in_transit", "label_created"],
  ] as const)("GIVEN a scan that changes nothing for the shopper (%s → %s) THEN no message", (previous, next) => {
    expect(milestoneFor(previous, next)).toBeNull();
  });

  it("GIVEN every status THEN each milestone is reachable", () => {
    const reached = new Set(PAIRS.map((pair) => pair.milestone).filter(Boolean));
    expect([...reached].sort()).toEqual([...SHIPMENT_MILESTONES].sort());
  });
});

describe("milestoneStillCurrent", () => {
  it.each([
    { milestone: "out_for_delivery", current: "out_for_delivery", still: true },
    { milestone: "out_for_delivery", current: "delivered", still: false },
    { milestone: "delayed", current: "in_transit", still: false },
    { milestone: "shipped", current: "out_for_delivery", still: true },
    { milestone: "shipped", current: "delivered", still: false },
    { milestone: "shipped", current: "cancelled", still: false },
    { milestone: "delivered", current: "returned_to_sender", still: false },
    { milestone: "exception", current: "exception", still: true },
  ] as const)("GIVEN $milestone queued and the parcel now $current THEN still current is $still", ({ milestone, current, still }) => {
    expect(milestoneStillCurrent(milestone, current)).toBe(still);
  });
});
