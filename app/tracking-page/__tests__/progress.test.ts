import { describe, expect, it } from "vitest";
import { SHIPMENT_STATUSES, type ShipmentStatus } from "~/tracking/status";
import { shipmentProgress, type ProgressTone } from "../progress";

const states = (status: ShipmentStatus, reached: ShipmentStatus[] = []) =>
  shipmentProgress(status, reached).steps.map((step) => `${step.status}:${step.state}`);

describe("shipmentProgress", () => {
  it.each([
    ["label_created", 0, "normal", "label_created:current"],
    ["picked_up", 25, "normal", "picked_up:current"],
    ["in_transit", 50, "normal", "in_transit:current"],
    ["delayed", 50, "warning", "delayed:current"],
    ["out_for_delivery", 75, "normal", "out_for_delivery:current"],
    ["attempted_delivery", 75, "warning", "attempted_delivery:current"],
    ["ready_for_pickup", 75, "normal", "ready_for_pickup:current"],
    ["delivered", 100, "complete", "delivered:done"],
    ["exception", 0, "critical", "label_created:current"],
    ["returned_to_sender", 0, "critical", "label_created:current"],
    ["cancelled", 0, "critical", "label_created:current"],
  ] satisfies [ShipmentStatus, number, ProgressTone, string][])(
    "GIVEN a parcel %s with no history WHEN drawn THEN the bar is at %i%% (%s) and the current step reads %s",
    (status, percent, tone, currentStep) => {
      const progress = shipmentProgress(status, []);

      expect(progress.percent).toBe(percent);
      expect(progress.tone).toBe(tone);
      expect(states(status)).toContain(currentStep);
    },
  );

  it("GIVEN every status WHEN drawn THEN there are always the five milestones, done ones before the current one", () => {
    for (const status of SHIPMENT_STATUSES) {
      const steps = shipmentProgress(status, []).steps;
      expect(steps).toHaveLength(5);
      const order = steps.map((step) => ["done", "current", "upcoming"].indexOf(step.state));
      expect(order).toEqual([...order].sort());
    }
  });

  it("GIVEN an exception after out-for-delivery WHEN drawn THEN the bar stays where the parcel got to", () => {
    expect(states("exception", ["picked_up", "in_transit", "out_for_delivery", "exception"])).toEqual([
      "label_created:done",
      "picked_up:done",
      "in_transit:done",
      "out_for_delivery:current",
      "delivered:upcoming",
    ]);
  });

  it("GIVEN a late in-transit scan after delivery WHEN drawn THEN the parcel still reads delivered", () => {
    const progress = shipmentProgress("delivered", ["out_for_delivery", "delivered", "in_transit"]);

    expect(progress.percent).toBe(100);
    expect(progress.steps.every((step) => step.state === "done")).toBe(true);
  });
});
