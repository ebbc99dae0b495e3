import { describe, expect, it } from "vitest";
import { candidateOrderNames, lookupInputSchema, normaliseEmail } from "../lookup-input";
import { DEFAULT_TRACKING_PAGE_SETTINGS, readTrackingPageSettings } from "../page-settings";

describe("look-up input", () => {
  it.each([
    ["1001", ["#1001", "1001"]],
    ["#1001", ["#1001", "1001"]],
    ["# 1001 ", ["#1001", "1001"]],
    ["EU-1001", ["#EU-1001", "EU-1001"]],
    ["#", []],
  ])("GIVEN the shopper typed %j WHEN candidates are made THEN they are %j", (typed, names) => {
    expect(candidateOrderNames(typed)).toEqual(names);
  });

  it.each([
    ["neither order nor tracking number", { order: " ", trackingNumber: "", email: "a@b.c" }],
    ["a 61-character tracking number", { trackingNumber: "1".repeat(61), email: "a@b.c" }],
    ["a 41-character order", { order: "1".repeat(41), email: "a@b.c" }],
    ["a missing email", { order: "1001" }],
    ["a 255-character email", { order: "1001", email: `${"a".repeat(250)}@b.cd` }],
  ])("GIVEN %s WHEN parsed THEN it is rejected", (_label, input) => {
    expect(lookupInputSchema.safeParse(input).success).toBe(false);
  });

  it.each([
    ["an order number", { order: "1001", email: "a@b.c" }],
    ["a tracking number only", { order: "", trackingNumber: "1Z999", email: "a@b.c" }],
  ])("GIVEN %s and an email WHEN parsed THEN it is accepted", (_label, input) => {
    expect(lookupInputSchema.safeParse(input).success).toBe(true);
  });

  it("GIVEN an email with spaces and capitals WHEN normalised THEN it compares equal", () => {
    expect(normaliseEmail("  Ada@Example.COM ")).toBe("ada@example.com");
  });
});

describe("tracking page settings", () => {
  it.each([
    ["not JSON", "{"],
    ["no section", "{}"],
    ["an invalid banner URL", JSON.stringify({ trackingPage: { marketing: { enabled: true, bannerUrl: "javascript:alert(1)" } } })],
  ])("GIVEN %s WHEN read THEN the defaults apply", (_label, stored) => {
    expect(readTrackingPageSettings(stored)).toEqual(DEFAULT_TRACKING_PAGE_SETTINGS);
  });

  it("GIVEN a configured section WHEN read THEN its values are kept and the rest defaulted", () => {
    const stored = JSON.stringify({ branding: {}, trackingPage: { marketing: { enabled: true, discountCode: "THANKS10" } } });

    expect(readTrackingPageSettings(stored).marketing).toEqual({ enabled: true, bannerText: null, bannerUrl: null, discountCode: "THANKS10", recommendations: true });
  });
});
