import { describe, expect, it } from "vitest";
import { statusHistory } from "../status-history";

const at = (iso: string) => new Date(iso);
const shipped = { shippedAt: at("2026-03-01T00:00:00Z") };
const event = (id: string, status: string, iso: string) => ({ id, status, happenedAt: at(iso) });

describe("statusHistory", () => {
  it.each([
    [
      "events in order",
      { status: "delivered", statusAt: at("2026-03-04T00:00:00Z") },
      [event("a", "in_transit", "2026-03-02T00:00:00Z"), event("b", "delivered", "2026-03-04T00:00:00Z")],
      ["label_created", "in_transit", "delivered"],
    ],
    [
      "a late scan older than delivery",
      { status: "delivered", statusAt: at("2026-03-04T00:00:00Z") },
      [event("b", "delivered", "2026-03-04T00:00:00Z"), event("a", "out_for_delivery", "2026-03-05T00:00:00Z"), event("c", "in_transit", "2026-03-02T00:00:00Z")],
      ["label_created", "in_transit", "delivered"],
    ],
    [
      "a repeated status",
      { status: "in_transit", statusAt: at("2026-03-02T00:00:00Z") },
      [event("a", "in_transit", "2026-03-02T00:00:00Z"), event("b", "in_transit", "2026-03-03T00:00:00Z")],
      ["label_created", "in_transit"],
    ],
    [
      "a status set by the fulfillment, not an event",
      { status: "cancelled", statusAt: at("2026-03-03T00:00:00Z") },
      [event("a", "in_transit", "2026-03-02T00:00:00Z")],
      ["label_created", "in_transit", "cancelled"],
    ],
    [
      "an unknown status from a source",
      { status: "label_created", statusAt: at("2026-03-01T00:00:00Z") },
      [event("a", "teleported", "2026-03-02T00:00:00Z")],
      ["label_created"],
    ],
  ])("GIVEN %s WHEN the history is folded THEN it reads as the real changes", (_, shipment, events, expected) => {
    expect(statusHistory({ ...shipped, ...shipment }, events).map((change) => change.status)).toEqual(expected);
  });
});
