import { describe, expect, it } from "vitest";
import { carrierFromCompany, isUnnamedCompany } from "../carrier-names";
import { carrierDisplayName, carrierTrackingUrl } from "../carrier-registry";

describe("carrierFromCompany", () => {
  it.each([
    ["UPS", "ups"],
    ["ups", "ups"],
    ["United Parcel Service", "ups"],
    [" U.P.S. ", "ups"],
    ["USPS", "usps"],
    ["United States Postal Service", "usps"],
    ["FedEx", "fedex"],
    ["Fed-Ex", "fedex"],
    ["Federal Express", "fedex"],
    ["DHL Express", "dhl_express"],
    ["DHL", "dhl_express"],
    ["DHL eCommerce", "dhl_ecommerce"],
    ["DHL Parcel", "deutsche_post"],
    ["Deutsche Post (DE)", "deutsche_post"],
    ["Amazon Logistics UK", "amazon"],
    ["Amazon Logistics US", "amazon"],
    ["OnTrac", "ontrac"],
    ["Canada Post", "canada_post"],
    ["Postes Canada", "canada_post"],
    ["Royal Mail", "royal_mail"],
    ["Australia Post", "australia_post"],
    ["La Poste", "la_poste"],
    ["Colissimo", "la_poste"],
    ["PostNL International", "postnl"],
  ])("GIVEN the company %j WHEN normalised THEN it is %s", (company, carrier) => {
    expect(carrierFromCompany(company)).toBe(carrier);
  });

  it.each(["Bob's Couriers", "Poste Italiane", "Other", ""])("GIVEN the company %j WHEN normalised THEN we do not know it", (company) => {
    expect(carrierFromCompany(company)).toBeNull();
  });
});

describe("isUnnamedCompany", () => {
  it.each([null, undefined, "", "  ", "Other", "other", "N/A", "Custom"])("GIVEN %j THEN it names no company", (company) => {
    expect(isUnnamedCompany(company)).toBe(true);
  });

  it.each(["UPS", "Bob's Couriers"])("GIVEN %j THEN it names a company", (company) => {
    expect(isUnnamedCompany(company)).toBe(false);
  });
});

describe("carrier registry", () => {
  it("GIVEN a carrier id and a compact number WHEN linked THEN the number is in the carrier's tracking URL, encoded", () => {
    expect(carrierTrackingUrl("ups", "1Z5R89390357567127")).toBe("https://www.ups.com/track?tracknum=1Z5R89390357567127");
  });

  it.each([
    ["ups", "UPS"],
    ["royal_mail", "Royal Mail"],
    ["Bob's Couriers", "Bob's Couriers"],
  ])("GIVEN the stored carrier %j WHEN displayed THEN it reads %j", (stored, shown) => {
    expect(carrierDisplayName(stored)).toBe(shown);
  });
});
