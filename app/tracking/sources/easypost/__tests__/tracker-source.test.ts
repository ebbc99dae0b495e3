import { describe, expect, it } from "vitest";
import { easyPostEventFromBody, easyPostTrackerSchema, InvalidEasyPostPayloadError, parseEasyPost } from "../payload";
import { easyPostTrackers } from "../tracker-source";
import { JOURNEY, tracker, trackerEvent } from "./easypost-samples";

const NUMBER = "9400111201080805483016";
const parse = (result: unknown) => parseEasyPost(easyPostTrackerSchema, result);

describe("easyPostTrackers.updatesFrom", () => {
  it("GIVEN a documented tracker.updated body WHEN read THEN each detail is an event of the tracking number", () => {
    const event = easyPostEventFromBody(JSON.stringify(trackerEvent("evt_1", tracker(NUMBER, JOURNEY))));

    const [update] = easyPostTrackers.updatesFrom(parse(event.result));

    expect(update!.source).toBe("easypost");
    expect(update!.target).toEqual({ trackingNumber: NUMBER });
    expect(update!.events.map(({ status, happenedAt, message, city, province, country, zip }) => ({ status, happenedAt, message, city, province, country, zip }))).toEqual([
      { status: "label_created", happenedAt: new Date("2026-11-20T09:00:00Z"), message: "Pre-Shipment Info Sent to USPS", city: "HOUSTON", province: "TX", country: "US", zip: "77063" },
      { status: "in_transit", happenedAt: new Date("2026-11-20T17:10:00Z"), message: "Arrived at USPS Origin Facility", city: "HOUSTON", province: "TX", country: "US", zip: "77063" },
      { status: "delayed", happenedAt: new Date("2026-11-21T06:30:00Z"), message: "Delayed due to weather", city: "HOUSTON", province: "TX", country: "US", zip: "77063" },
      { status: "out_for_delivery", happenedAt: new Date("2026-11-22T07:45:00Z"), message: "Out for Delivery", city: "HOUSTON", province: "TX", country: "US", zip: "77063" },
    ]);
  });

  it("GIVEN the tracker's estimate WHEN read THEN it belongs to the newest detail only, whatever the details' order", () => {
    const [update] = easyPostTrackers.updatesFrom(parse(tracker(NUMBER, [...JOURNEY].reverse())));

    expect(update!.events.map((event) => event.estimatedDeliveryAt)).toEqual([new Date("2026-11-23T00:00:00Z"), null, null, null]);
  });

  it("GIVEN the same detail in two deliveries WHEN read THEN its id is the same, and differs for another detail or number", () => {
    const first = easyPostTrackers.updatesFrom(parse(tracker(NUMBER, JOURNEY.slice(0, 2))))[0]!.events;
    const later = easyPostTrackers.updatesFrom(parse(tracker(NUMBER, JOURNEY)))[0]!.events;
    const otherNumber = easyPostTrackers.updatesFrom(parse(tracker("9400111201080805483023", JOURNEY.slice(0, 2))))[0]!.events;

    expect(later.slice(0, 2).map((event) => event.externalId)).toEqual(first.map((event) => event.externalId));
    expect(new Set(later.map((event) => event.externalId)).size).toBe(4);
    expect(otherNumber.map((event) => event.externalId)).not.toContain(first[0]!.externalId);
  });

  it("GIVEN details with the statuses unknown and error WHEN read THEN they are left out", () => {
    const details = [...JOURNEY.slice(0, 1), { datetime: "2026-11-20T10:00:00Z", status: "unknown" }, { datetime: "2026-11-20T11:00:00Z", status: "error" }];

    expect(easyPostTrackers.updatesFrom(parse(tracker(NUMBER, details)))[0]!.events.map((event) => event.status)).toEqual(["label_created"]);
  });

  it("GIVEN HTML and an over-long message from the carrier WHEN read THEN it is kept as bounded text (pages escape it)", () => {
    const message = `<script>alert("x")</script>${"a".repeat(2000)}`;
    const [update] = easyPostTrackers.updatesFrom(parse(tracker(NUMBER, [{ datetime: "2026-11-20T10:00:00Z", status: "in_transit", message }])));

    expect(update!.events[0]!.message).toBe(message.slice(0, 500));
  });

  it("GIVEN a detail time without an offset WHEN read THEN it is UTC", () => {
    const [update] = easyPostTrackers.updatesFrom(parse(tracker(NUMBER, [{ datetime: "2026-11-20T10:00:00", status: "in_transit" }])));

    expect(update!.events[0]!.happenedAt).toEqual(new Date("2026-11-20T10:00:00Z"));
  });

  it("GIVEN a tracker without details WHEN read THEN there are no events", () => {
    expect(easyPostTrackers.updatesFrom(parse(tracker(NUMBER, [], { tracking_details: null })))[0]!.events).toEqual([]);
  });
});

describe("EasyPost payload parsing", () => {
  it.each([
    ["not JSON", "{nope", /is not JSON/],
    ["not an Event", JSON.stringify({ id: "x", object: "Tracker" }), /object: /],
    ["an Event without id", JSON.stringify({ object: "Event", description: "tracker.updated", result: {} }), /id: /],
  ])("GIVEN a body that is %s WHEN read THEN a payload error says so", (_case, body, message) => {
    expect(() => easyPostEventFromBody(body)).toThrow(InvalidEasyPostPayloadError);
    expect(() => easyPostEventFromBody(body)).toThrow(message);
  });

  it.each([
    ["no tracking code", { tracking_code: "" }, /tracking_code/],
    ["a detail with a bad time", { tracking_details: [{ datetime: "yesterday", status: "in_transit" }] }, /tracking_details\.0\.datetime/],
    ["a result that is not a Tracker", { object: "Shipment" }, /object/],
  ])("GIVEN a tracker with %s WHEN read THEN a payload error names the field", (_case, changes, message) => {
    expect(() => parse({ ...tracker(NUMBER, JOURNEY), ...changes })).toThrow(message);
  });
});
