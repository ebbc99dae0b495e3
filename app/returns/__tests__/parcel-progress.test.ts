import { describe, expect, it } from "vitest";
import type { ShipmentStatus } from "~/tracking/status";
import { SHIPMENT_STATUSES } from "~/tracking/status";
import type { CaseStatus } from "../case-status";
import { parcelStep } from "../parcel-progress";

describe("a return parcel's carrier status as a step of its return", () => {
  it.each<[CaseStatus, ShipmentStatus, "in_transit" | "received" | null]>([
    ["open", "label_created", null],
    ["open", "picked_up", "in_transit"],
    ["open", "in_transit", "in_transit"],
    ["open", "out_for_delivery", "in_transit"],
    ["open", "attempted_delivery", "in_transit"],
    ["open", "ready_for_pickup", "in_transit"],
    ["open", "delayed", "in_transit"],
    ["open", "exception", "in_transit"],
    ["open", "delivered", "received"],
    ["open", "returned_to_sender", null],
    ["open", "cancelled", null],
    ["in_transit", "in_transit", null],
    ["in_transit", "delivered", "received"],
    ["received", "delivered", null],
    ["received", "in_transit", null],
    ["processed", "delivered", null],
    ["closed", "delivered", null],
    ["requested", "in_transit", null],
    ["declined", "delivered", null],
    ["cancelled", "delivered", null],
  ])("GIVEN a %s return WHEN its parcel is %s THEN it moves to %s", (caseStatus, parcelStatus, target) => {
    expect(parcelStep(caseStatus, parcelStatus)?.target ?? null).toBe(target);
  });

  it.each(SHIPMENT_STATUSES)("GIVEN a received return WHEN its parcel reports %s THEN nothing moves backwards", (status) => {
    expect(parcelStep("received", status)).toBeNull();
  });
});
