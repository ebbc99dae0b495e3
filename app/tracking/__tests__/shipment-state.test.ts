import { describe, expect, it } from "vitest";
import { deriveShipmentState, type FulfillmentFacts, type TimelineEvent } from "../shipment-state";

const fulfillment: FulfillmentFacts = {
  status: "success",
  shipmentStatus: null,
  estimatedDeliveryAt: null,
  shopifyCreatedAt: new Date("2026-11-20T09:00:00Z"),
  shopifyUpdatedAt: new Date("2026-11-20T09:00:00Z"),
};

const event = (externalId: string, status: TimelineEvent["status"], at: string, estimate?: string): TimelineEvent => ({
  externalId,
  status,
  happenedAt: new Date(at),
  estimatedDeliveryAt: estimate ? new Date(estimate) : null,
});

const journey = [
  event("1", "picked_up", "2026-11-20T12:00:00Z", "2026-11-23T18:00:00Z"),
  event("2", "in_transit", "2026-11-21T08:00:00Z", "2026-11-22T18:00:00Z"),
  event("3", "out_for_delivery", "2026-11-22T07:00:00Z"),
  event("4", "delivered", "2026-11-22T11:30:00Z"),
  event("5", "in_transit", "2026-11-22T12:00:00Z"),
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe("deriveShipmentState", () => {
  it("GIVEN a fulfillment without events THEN the label is created when the fulfillment was", () => {
    expect(deriveShipmentState(fulfillment, [])).toEqual({
      status: "label_created",
      statusAt: fulfillment.shopifyCreatedAt,
      deliveredAt: null,
      estimatedDeliveryAt: null,
      lastEventAt: null,
    });
  });

  it.each(permutations(journey).map((order) => [order.map((e) => e.externalId).join(""), order]))(
    "GIVEN the events in order %s THEN the state is the same: delivered, and a later stray scan does not undo it",
    (_order, events) => {
      expect(deriveShipmentState(fulfillment, events)).toEqual({
        status: "delivered",
        statusAt: new Date("2026-11-22T11:30:00Z"),
        deliveredAt: new Date("2026-11-22T11:30:00Z"),
        estimatedDeliveryAt: new Date("2026-11-22T18:00:00Z"),
        lastEventAt: new Date("2026-11-22T12:00:00Z"),
      });
    },
  );

  it("GIVEN a cancelled fulfillment THEN its shipments are cancelled whatever the events said", () => {
    const cancelled = { ...fulfillment, status: "cancelled", shopifyUpdatedAt: new Date("2026-11-23T00:00:00Z") };

    expect(deriveShipmentState(cancelled, journey)).toMatchObject({
      status: "cancelled",
      statusAt: cancelled.shopifyUpdatedAt,
      deliveredAt: null,
    });
  });

  it("GIVEN Shopify reports delivered on the fulfillment but the event never reached us THEN the shipment is delivered at that time", () => {
    const reported = { ...fulfillment, shipmentStatus: "delivered", shopifyUpdatedAt: new Date("2026-11-22T12:00:00Z") };

    expect(deriveShipmentState(reported, journey.slice(0, 2))).toMatchObject({
      status: "delivered",
      deliveredAt: new Date("2026-11-22T12:00:00Z"),
    });
  });

  it("GIVEN the fulfillment's reported status is older than a held event THEN the event's newer status stands", () => {
    const reported = { ...fulfillment, shipmentStatus: "in_transit", shopifyUpdatedAt: new Date("2026-11-21T09:00:00Z") };

    expect(deriveShipmentState(reported, journey.slice(0, 3))).toMatchObject({ status: "out_for_delivery" });
  });

  it("GIVEN a delivered parcel that is then refused THEN it is returned to sender and no longer counts as delivered", () => {
    const refused = [...journey, event("6", "returned_to_sender", "2026-11-22T13:00:00Z")];

    expect(deriveShipmentState(fulfillment, refused)).toMatchObject({ status: "returned_to_sender", deliveredAt: null });
  });

  it.each([
    ["the newest event's estimate, even when the date slipped later", null, "2026-11-21T08:00:00Z", [["2026-11-20T12:00:00Z", "2026-11-22T18:00:00Z"], ["2026-11-21T08:00:00Z", "2026-11-24T18:00:00Z"]], "2026-11-24T18:00:00Z"],
    ["the fulfillment's estimate when it was given after every event's", "2026-11-25T18:00:00Z", "2026-11-21T09:00:00Z", [["2026-11-21T08:00:00Z", "2026-11-24T18:00:00Z"]], "2026-11-25T18:00:00Z"],
    ["an event's estimate when it is newer than the fulfillment's", "2026-11-25T18:00:00Z", "2026-11-20T09:00:00Z", [["2026-11-21T08:00:00Z", "2026-11-24T18:00:00Z"]], "2026-11-24T18:00:00Z"],
    ["the fulfillment's estimate when no event gives one", "2026-11-25T18:00:00Z", "2026-11-20T09:00:00Z", [], "2026-11-25T18:00:00Z"],
    ["none when nobody gives one", null, "2026-11-20T09:00:00Z", [], null],
  ] as const)("GIVEN %s THEN that is the estimated delivery", (_case, fulfillmentEstimate, updatedAt, estimates, expected) => {
    const facts = { ...fulfillment, estimatedDeliveryAt: fulfillmentEstimate ? new Date(fulfillmentEstimate) : null, shopifyUpdatedAt: new Date(updatedAt) };
    const events = estimates.map(([at, estimate], index) => event(`e${index}`, "in_transit", at, estimate));

    expect(deriveShipmentState(facts, events).estimatedDeliveryAt).toEqual(expected ? new Date(expected) : null);
  });

  it("GIVEN USPS's 'label created' message after the first scan THEN the parcel stays in transit and the message still counts as activity", () => {
    const events = [event("1", "in_transit", "2026-11-20T12:00:00Z"), event("2", "label_created", "2026-11-20T15:00:00Z")];

    expect(deriveShipmentState(fulfillment, events)).toMatchObject({
      status: "in_transit",
      statusAt: new Date("2026-11-20T12:00:00Z"),
      lastEventAt: new Date("2026-11-20T15:00:00Z"),
    });
  });
});
