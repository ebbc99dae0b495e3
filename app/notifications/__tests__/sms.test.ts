import { describe, expect, it } from "vitest";
import { inboundIntent } from "../sms/keywords";
import { toE164 } from "../sms/phone";
import { countSegments } from "../sms/segments";
import { isValidTwilioSignature, twilioSignature } from "../sms/twilio-signature";

describe("toE164", () => {
  it.each([
    { input: "+49 151 23456789", country: null, expected: "+4915123456789" },
    { input: "0151 23456789", country: "DE", expected: "+4915123456789" },
    { input: "(415) 555-2671", country: "us", expected: "+14155552671" },
    { input: "+44 7911 123456", country: "FR", expected: "+447911123456" },
    { input: "0151 23456789", country: null, expected: null },
    { input: "+49 12", country: null, expected: null },
    { input: "not a phone", country: "DE", expected: null },
    { input: "", country: "DE", expected: null },
    { input: null, country: "DE", expected: null },
  ])("GIVEN $input in $country THEN E.164 is $expected", ({ input, country, expected }) => {
    expect(toE164(input, country)).toBe(expected);
  });
});

describe("countSegments", () => {
  it.each([
    { case: "160 GSM-7 characters", body: "a".repeat(160), encoding: "GSM-7", segments: 1 },
    { case: "161 GSM-7 characters", body: "a".repeat(161), encoding: "GSM-7", segments: 2 },
    { case: "306 GSM-7 characters (2 × 153)", body: "a".repeat(306), encoding: "GSM-7", segments: 2 },
    { case: "extension characters count twice (80 × €)", body: "€".repeat(80), encoding: "GSM-7", segments: 1 },
    { case: "70 UCS-2 characters", body: "ł".repeat(70), encoding: "UCS-2", segments: 1 },
    { case: "71 UCS-2 characters", body: "ł".repeat(71), encoding: "UCS-2", segments: 2 },
    { case: "an emoji forces UCS-2", body: `Delivered ${"a".repeat(50)} 📦`, encoding: "UCS-2", segments: 1 },
  ])("GIVEN $case THEN $encoding in $segments segment(s)", ({ body, encoding, segments }) => {
    expect(countSegments(body)).toEqual({ encoding, segments });
  });
});

describe("inboundIntent", () => {
  it.each([
    ["STOP", "opt_out"],
    [" stop ", "opt_out"],
    ["Unsubscribe", "opt_out"],
    ["STOPALL", "opt_out"],
    ["START", "opt_in"],
    ["unstop", "opt_in"],
    ["HELP", "help"],
    ["info", "help"],
    ["please stop texting me", "other"],
    ["", "other"],
  ])("GIVEN %j THEN the intent is %s", (body, intent) => {
    expect(inboundIntent(body)).toBe(intent);
  });
});

describe("Twilio request signatures", () => {
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params = Object.entries({ CallSid: "CA1234567890ABCDE", Caller: "+14158675309", Digits: "1234", From: "+14158675309", To: "+18005551212" });

  it("GIVEN Twilio's documented example THEN the signature matches its published value", () => {
    expect(twilioSignature("12345", url, params)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  });

  it.each([
    { case: "the right signature", token: "12345", signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=", url, valid: true },
    { case: "another token", token: "54321", signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=", url, valid: false },
    { case: "another URL", token: "12345", signature: "RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: `${url}&x=1`, valid: false },
    { case: "a missing header", token: "12345", signature: null, url, valid: false },
    { case: "a truncated signature", token: "12345", signature: "RSOYDt4T1c", url, valid: false },
  ])("GIVEN $case THEN valid is $valid", ({ token, signature, url: signedUrl, valid }) => {
    expect(isValidTwilioSignature(token, signature, signedUrl, params)).toBe(valid);
  });
});
