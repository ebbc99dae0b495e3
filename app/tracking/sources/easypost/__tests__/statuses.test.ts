import { describe, expect, it } from "vitest";
import { shipmentStatusFromEasyPost } from "../statuses";

describe("shipmentStatusFromEasyPost", () => {
  it.each([
    ["pre_transit", null, "label_created"],
    ["in_transit", "arrived_at_facility", "in_transit"],
    ["out_for_delivery", null, "out_for_delivery"],
    ["delivered", "arrived_at_destination", "delivered"],
    ["available_for_pickup", null, "ready_for_pickup"],
    ["return_to_sender", "return", "returned_to_sender"],
    ["failure", "lost", "exception"],
    ["cancelled", null, "cancelled"],
    ["canceled", null, "cancelled"],
    ["in_transit", "weather_delay", "delayed"],
    ["in_transit", "delayed", "delayed"],
    ["failure", "delivery_exception", "attempted_delivery"],
    ["in_transit", "arrived_at_pickup_location", "ready_for_pickup"],
    ["IN_TRANSIT", null, "in_transit"],
    ["delivered", "weather_delay", "delivered"],
  ])("GIVEN EasyPost's %s / %s WHEN normalised THEN it is %s", (status, detail, ours) => {
    expect(shipmentStatusFromEasyPost(status, detail)).toBe(ours);
  });

  it.each([
    ["unknown", null],
    ["error", null],
    ["teleported", null],
  ])("GIVEN EasyPost's %s WHEN normalised THEN it says nothing about the parcel", (status, detail) => {
    expect(shipmentStatusFromEasyPost(status, detail)).toBeNull();
  });
});
