import { describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { checkTemplateFields } from "../check";
import { findTemplateProblem } from "../validate";

const ALLOWED = ["orderName", "customerName", "milestone", "parcels"];

describe("template validation", () => {
  it.each([
    ["an unclosed placeholder", "Hi {customerName", { line: 1, column: 4, message: "a { is not closed with }" }],
    ["a stray closing brace", "Order {orderName} }", { line: 1, column: 19, message: "a } has no matching {" }],
    ["an unknown placeholder on line 2", "Hello!\n  Your {parcel} is here", { line: 2, column: 8, message: expect.stringContaining("unknown placeholder {parcel}") }],
    ["an unknown placeholder inside a select", "{milestone, select, approved {ok} other {{refund}}}", { line: 1, column: 42, message: expect.stringContaining("{refund}") }],
    ["a select without other", "{milestone, select, approved {ok}}", { line: 1, column: 34, message: "select and plural need an other {…} option" }],
    ["an empty placeholder", "Order {}", { line: 1, column: 7, message: "empty placeholder {}" }],
  ])("GIVEN %s WHEN checked THEN the problem names its line and column", (_, text, problem) => {
    expect(findTemplateProblem(text, ALLOWED)).toEqual(problem);
  });

  it.each([
    "Order {orderName} is on its way, {customerName}!",
    "{parcels, plural, one {Your parcel} other {# parcels}} arrived.",
    "It's <b>here</b>: {orderName}",
    "{milestone, select, approved {Approved} other {News}}",
  ])("GIVEN the valid template %j WHEN checked THEN there is no problem", (text) => {
    expect(findTemplateProblem(text, ALLOWED)).toBeNull();
  });

  it("GIVEN an email template with one bad field WHEN the form is checked THEN a field error names that field with line and column, and empty fields mean the catalogue", () => {
    const check = () => checkTemplateFields({ trigger: "shipped", channel: "email", locale: "en" }, { subject: "Order {orderName} shipped", heading: "", intro: "Hi\n{firstName}" });
    expect(check).toThrow(InvalidInputError);
    try {
      check();
    } catch (error) {
      expect((error as InvalidInputError).fieldErrors).toEqual({ intro: [expect.stringMatching(/^line 2, column 1: unknown placeholder \{firstName\}/)] });
    }
  });

  it("GIVEN a return-update template WHEN it uses {milestone} THEN it is accepted, while a shipped template may not use it", () => {
    expect(checkTemplateFields({ trigger: "return_update", channel: "sms", locale: "de" }, { sms: "{milestone, select, refunded {Geld zurück} other {Neu}}: {trackingUrl}" })).toEqual({
      sms: "{milestone, select, refunded {Geld zurück} other {Neu}}: {trackingUrl}",
    });
    expect(() => checkTemplateFields({ trigger: "shipped", channel: "sms", locale: "en" }, { sms: "{milestone, select, other {x}}" })).toThrow(InvalidInputError);
  });

  it("GIVEN a text longer than the field allows WHEN checked THEN it is refused with the limit", () => {
    expect(() => checkTemplateFields({ trigger: "shipped", channel: "email", locale: "en" }, { subject: "x".repeat(201) })).toThrow(InvalidInputError);
  });
});
