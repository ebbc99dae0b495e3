import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";

const BASE = { SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://app.example" };
const SID = `AC${"0".repeat(32)}`;

describe("messaging configuration in the environment", () => {
  it("GIVEN no SMTP or Twilio variables THEN both channels are simply not configured", () => {
    const config = parseEnv(BASE);
    expect([config.SMTP_URL, config.TWILIO_ACCOUNT_SID, config.TWILIO_API_URL]).toEqual([undefined, undefined, "https://api.twilio.com"]);
  });

  it.each([
    { case: "a complete SMTP setup", vars: { SMTP_URL: "smtp://u:p@mail.example:587", MAIL_FROM: "updates@shop.example" } },
    { case: "Twilio with a sender number", vars: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "0123456789abcdef", TWILIO_FROM_NUMBER: "+14155550100" } },
    { case: "Twilio with a messaging service", vars: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "0123456789abcdef", TWILIO_MESSAGING_SERVICE_SID: `MG${"1".repeat(32)}` } },
  ])("GIVEN $case THEN it is accepted", ({ vars }) => {
    expect(() => parseEnv({ ...BASE, ...vars })).not.toThrow();
  });

  it.each([
    { case: "an http URL as SMTP_URL", vars: { SMTP_URL: "http://mail.example", MAIL_FROM: "a@b.example" }, message: "SMTP_URL: must be an smtp:// or smtps:// URL" },
    { case: "SMTP_URL without MAIL_FROM", vars: { SMTP_URL: "smtp://mail.example" }, message: "MAIL_FROM: is required when SMTP_URL is set" },
    { case: "a Twilio SID without a token", vars: { TWILIO_ACCOUNT_SID: SID, TWILIO_FROM_NUMBER: "+14155550100" }, message: "TWILIO_ACCOUNT_SID: SMS needs" },
    { case: "a national sender number", vars: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "0123456789abcdef", TWILIO_FROM_NUMBER: "04155550100" }, message: "TWILIO_FROM_NUMBER: must be an E.164" },
  ])("GIVEN $case THEN start-up fails naming it", ({ vars, message }) => {
    expect(() => parseEnv({ ...BASE, ...vars })).toThrow(message);
  });
});
