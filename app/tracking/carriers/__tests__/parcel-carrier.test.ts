import { describe, expect, it } from "vitest";
import { resolveParcelCarrier, type ParcelFacts } from "../parcel-carrier";
import * as build from "./check-digits";

const UPS_NUMBER = build.ups("5R8939035756712");
const ROYAL_MAIL_NUMBER = build.s10("RR", "12345678", "GB");
const parcel = (changes: Partial<ParcelFacts>): ParcelFacts => ({
  trackingNumber: UPS_NUMBER,
  trackingCompany: null,
  trackingUrl: null,
  service: null,
  ...changes,
});

describe("resolveParcelCarrier", () => {
  it("GIVEN no company WHEN the number is a valid UPS number THEN carrier, service and link come from the number", () => {
    expect(resolveParcelCarrier(parcel({}))).toEqual({
      trackingKey: UPS_NUMBER,
      carrier: "ups",
      service: "UPS United States Ground",
      trackingUrl: `https://www.ups.com/track?tracknum=${UPS_NUMBER}`,
    });
  });

  it.each([
    ["UPS", "ups"],
    ["United Parcel Service", "ups"],
    ["Other", "ups"],
  ])("GIVEN the company %j and a UPS number THEN the carrier is %s", (trackingCompany, carrier) => {
    expect(resolveParcelCarrier(parcel({ trackingCompany })).carrier).toBe(carrier);
  });

  it("GIVEN the fulfillment names FedEx for a number that looks like UPS THEN the fulfillment wins, without UPS's service", () => {
    expect(resolveParcelCarrier(parcel({ trackingCompany: "FedEx", service: "manual" }))).toEqual({
      trackingKey: UPS_NUMBER,
      carrier: "fedex",
      service: "manual",
      trackingUrl: `https://www.fedex.com/fedextrack/?trknbr=${UPS_NUMBER}`,
    });
  });

  it("GIVEN a company we do not know THEN it is kept as given and gets no link of ours", () => {
    expect(resolveParcelCarrier(parcel({ trackingCompany: "  Bob's Couriers ", trackingNumber: "BOB-0001" }))).toEqual({
      trackingKey: "BOB0001",
      carrier: "Bob's Couriers",
      service: null,
      trackingUrl: null,
    });
  });

  it("GIVEN no company and an S10 number THEN the national post is the carrier", () => {
    expect(resolveParcelCarrier(parcel({ trackingNumber: ROYAL_MAIL_NUMBER }))).toMatchObject({
      carrier: "royal_mail",
      trackingUrl: `https://www.royalmail.com/track-your-item#/tracking-results/${ROYAL_MAIL_NUMBER}`,
    });
  });

  it("GIVEN no company and an S10 number of a post we do not link to THEN the post is named, without a link", () => {
    expect(resolveParcelCarrier(parcel({ trackingNumber: build.s10("RR", "11111111", "IT") }))).toMatchObject({ carrier: "Poste Italiane", trackingUrl: null });
  });

  it("GIVEN Shopify's own tracking URL THEN it wins over ours", () => {
    const trackingUrl = "https://www.ups.com/WebTracking?loc=en_US&trackNums=1Z";
    expect(resolveParcelCarrier(parcel({ trackingCompany: "UPS", trackingUrl })).trackingUrl).toBe(trackingUrl);
  });

  it.each(["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "/relative/path", "not a url"])(
    "GIVEN the hostile or unusable tracking URL %j THEN it is dropped for the carrier's own",
    (trackingUrl) => {
      expect(resolveParcelCarrier(parcel({ trackingUrl })).trackingUrl).toBe(`https://www.ups.com/track?tracknum=${UPS_NUMBER}`);
    },
  );

  it.each([
    ["an unknown format", "JD0001", "JD0001"],
    ["HTML", "<b>123</b>", null],
    ["a very long number", "9".repeat(500), null],
  ])("GIVEN no company and %s THEN nothing is claimed: no carrier, no link", (_case, trackingNumber, trackingKey) => {
    expect(resolveParcelCarrier(parcel({ trackingNumber }))).toEqual({ trackingKey, carrier: null, service: null, trackingUrl: null });
  });

  it("GIVEN a company name of absurd length THEN it is cut to a bounded length", () => {
    expect(resolveParcelCarrier(parcel({ trackingCompany: "x".repeat(10_000) })).carrier).toHaveLength(100);
  });
});
