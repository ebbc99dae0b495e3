import { describe, expect, it } from "vitest";
import { detectTrackingNumber } from "../detect";
import * as build from "./check-digits";

const VALID = [
  ["UPS 1Z (ground)", build.ups("5R8939035756712"), "ups", "UPS United States Ground"],
  ["UPS 1Z (next day air)", build.ups("A1B2C3010000001"), "ups", "UPS United States Next Day Air (Red)"],
  ["USPS IMpb 94… (22 digits)", build.usps("940011120108080548301"), "usps", "First Class (R)"],
  ["USPS IMpb 92… (22 digits)", build.usps("920554901300000000001"), "usps", null],
  ["USPS 20 digits", build.usps("7112345678912345678"), "usps", "Certified Mail"],
  ["FedEx Express (12 digits)", build.fedex12("98657878885"), "fedex", "FedEx Express"],
  ["FedEx Ground (15 digits)", build.fedex15("04144176022896"), "fedex", "FedEx Ground"],
  ["FedEx SmartPost (20 digits)", "61299998820821171811", "fedex", "FedEx Ground Economy"],
  ["FedEx Ground 96 (22 digits)", build.fedex22("9611020", "98765431234567"), "fedex", "FedEx Ground"],
  ["DHL Express (10 digits)", build.dhlExpress("331881002"), "dhl_express", null],
  ["DHL eCommerce (GM…)", "GM2951173225174494", "dhl_ecommerce", null],
  ["Amazon Logistics (TBA…)", "TBA123456789012", "amazon", null],
  ["OnTrac C…", build.ontrac("C", "1103150000187"), "ontrac", null],
  ["OnTrac D…", build.ontrac("D", "1001135445370"), "ontrac", null],
  ["S10 registered letter, Royal Mail", build.s10("RR", "12345678", "GB"), "royal_mail", "Letter Post Registered"],
  ["S10 parcel, Deutsche Post", build.s10("CP", "00000001", "DE"), "deutsche_post", "Parcel Post"],
  ["S10 express letter, USPS", build.s10("LZ", "87654321", "US"), "usps", "Letter Post Express"],
  ["S10 EMS, Canada Post", build.s10("EE", "13579246", "CA"), "canada_post", "EMS"],
  ["S10 parcel, Australia Post", build.s10("CX", "24681357", "AU"), "australia_post", "Parcel Post"],
  ["S10 express letter, La Poste", build.s10("LA", "99999999", "FR"), "la_poste", "Letter Post Express"],
  ["S10 registered letter, PostNL", build.s10("RS", "31415926", "NL"), "postnl", "Letter Post Registered"],
] as const;

describe("detectTrackingNumber", () => {
  it.each(VALID)("GIVEN a valid %s number (%s) WHEN detected THEN the carrier is %s and the service %s", (_case, number, carrier, service) => {
    expect(detectTrackingNumber(number)).toEqual({ carrier, issuerName: expect.any(String), service, trackingNumber: number });
  });

  it.each([
    ["UPS", build.ups("5R8939035756712")],
    ["USPS IMpb 94…", build.usps("940011120108080548301")],
    ["USPS IMpb 92…", build.usps("920554901300000000001")],
    ["USPS 20 digits", build.usps("7112345678912345678")],
    ["FedEx 12", build.fedex12("98657878885")],
    ["FedEx 15", build.fedex15("04144176022896")],
    ["FedEx 22", build.fedex22("9611020", "98765431234567")],
    ["DHL Express", build.dhlExpress("331881002")],
    ["OnTrac C", build.ontrac("C", "1103150000187")],
    ["OnTrac D", build.ontrac("D", "1001135445370")],
  ])("GIVEN a %s number with a wrong check digit WHEN detected THEN nothing is claimed", (_case, valid) => {
    expect(detectTrackingNumber(build.withWrongCheckDigit(valid))).toBeNull();
  });

  it.each([
    ["RR", "GB"],
    ["CP", "DE"],
    ["LZ", "US"],
  ])("GIVEN an S10 %s…%s number with a wrong check digit WHEN detected THEN nothing is claimed", (service, country) => {
    expect(detectTrackingNumber(build.withWrongCheckDigit(build.s10(service, "12345678", country), -3))).toBeNull();
  });

  it("GIVEN an S10 number of a post we do not link to WHEN detected THEN the issuing post is named without a carrier id", () => {
    expect(detectTrackingNumber(build.s10("RR", "11111111", "IT"))).toEqual({
      carrier: null,
      issuerName: "Poste Italiane",
      service: "Letter Post Registered",
      trackingNumber: "RR111111115IT",
    });
  });

  it.each([
    ["lower case", "1z5r89390357567127"],
    ["spaces", " 1Z 5R8 939 0357 5671 27 "],
    ["hyphens and dots", "1Z-5R8-939.0357-5671-27"],
    ["full-width characters", "１Ｚ５Ｒ８９３９０３５７５６７１２７"],
  ])("GIVEN a UPS number written with %s WHEN detected THEN it is read as the compact number", (_case, written) => {
    expect(detectTrackingNumber(written)).toMatchObject({ carrier: "ups", trackingNumber: "1Z5R89390357567127" });
  });

  it.each([
    ["empty", ""],
    ["whitespace", "   \n\t"],
    ["too short for any format", "12345"],
    ["an unknown format", "JD0001"],
    ["HTML", '<img src=x onerror="alert(1)">1Z5R89390357567127'],
    ["very long", "9".repeat(10_000)],
    ["an emoji", "📦1Z5R89390357567127"],
    ["a number inside prose", "tracking: 1Z5R89390357567127"],
  ])("GIVEN %s input WHEN detected THEN it degrades to no detection", (_case, input) => {
    expect(detectTrackingNumber(input)).toBeNull();
  });
});
