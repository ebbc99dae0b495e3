import { describe, expect, it } from "vitest";
import { DEFAULT_NOTIFICATION_PREFERENCES, type QuietHours } from "../preferences";
import { afterQuietHours } from "../quiet-hours";
import { sendTimeFor } from "../send-time";
import { shopperTimeZone } from "~/orders/shopper-time-zone";

const QUIET: QuietHours = { enabled: true, start: "21:00", end: "08:00", channels: ["sms"] };

describe("afterQuietHours", () => {
  it.each([
    { case: "Berlin 22:30 (winter, UTC+1)", at: "2026-12-01T21:30:00Z", zone: "Europe/Berlin", expected: "2026-12-02T07:00:00Z" },
    { case: "Berlin 03:00", at: "2026-12-01T02:00:00Z", zone: "Europe/Berlin", expected: "2026-12-01T07:00:00Z" },
    { case: "Berlin 08:00 sharp (quiet hours over)", at: "2026-12-01T07:00:00Z", zone: "Europe/Berlin", expected: "2026-12-01T07:00:00Z" },
    { case: "Berlin 20:59", at: "2026-12-01T19:59:00Z", zone: "Europe/Berlin", expected: "2026-12-01T19:59:00Z" },
    { case: "New York 23:00 (UTC-5)", at: "2026-12-02T04:00:00Z", zone: "America/New_York", expected: "2026-12-02T13:00:00Z" },
    { case: "Tokyo 07:59 (UTC+9)", at: "2026-12-01T22:59:00Z", zone: "Asia/Tokyo", expected: "2026-12-01T23:00:00Z" },
    { case: "Kolkata 21:00 (UTC+5:30)", at: "2026-12-01T15:30:00Z", zone: "Asia/Kolkata", expected: "2026-12-02T02:30:00Z" },
    { case: "Berlin on the night clocks go forward", at: "2026-03-28T22:00:00Z", zone: "Europe/Berlin", expected: "2026-03-29T06:00:00Z" },
    { case: "the same instant in UTC is daytime", at: "2026-12-01T21:30:00Z", zone: "Asia/Tokyo", expected: "2026-12-01T23:00:00Z" },
  ])("GIVEN an SMS due at $case THEN it goes out at $expected", ({ at, zone, expected }) => {
    expect(afterQuietHours(new Date(at), QUIET, "sms", zone).toISOString()).toBe(new Date(expected).toISOString());
  });

  it("GIVEN quiet hours for SMS only WHEN an email is due at night THEN it is not held", () => {
    const at = new Date("2026-12-01T23:00:00Z");
    expect(afterQuietHours(at, QUIET, "email", "Europe/Berlin")).toEqual(at);
  });

  it("GIVEN a daytime window (12:00–14:00) WHEN due at 13:00 THEN it waits until 14:00 the same day", () => {
    const lunch: QuietHours = { ...QUIET, start: "12:00", end: "14:00", channels: ["email"] };
    expect(afterQuietHours(new Date("2026-06-01T11:00:00Z"), lunch, "email", "Europe/London").toISOString()).toBe("2026-06-01T13:00:00.000Z");
  });

  it("GIVEN quiet hours switched off THEN nothing is held", () => {
    const at = new Date("2026-12-01T23:00:00Z");
    expect(afterQuietHours(at, { ...QUIET, enabled: false }, "sms", "Europe/Berlin")).toEqual(at);
  });
});

describe("sendTimeFor", () => {
  const base = { quietHours: { ...QUIET, enabled: false }, channel: "email" as const, timeZone: "UTC" };
  it.each([
    { case: "no delay", occurredAt: "2026-12-01T10:00:00Z", now: "2026-12-01T10:00:00Z", delay: 0, hold: 0, expected: "2026-12-01T10:00:00Z" },
    { case: "a 90-minute delay", occurredAt: "2026-12-01T10:00:00Z", now: "2026-12-01T10:00:00Z", delay: 90, hold: 0, expected: "2026-12-01T11:30:00Z" },
    { case: "delay plus coalescing hold", occurredAt: "2026-12-01T10:00:00Z", now: "2026-12-01T10:00:00Z", delay: 10, hold: 15, expected: "2026-12-01T10:25:00Z" },
    { case: "a late event whose delay has passed", occurredAt: "2026-12-01T08:00:00Z", now: "2026-12-01T10:00:00Z", delay: 30, hold: 0, expected: "2026-12-01T10:00:00Z" },
  ])("GIVEN $case THEN it is due at $expected", ({ occurredAt, now, delay, hold, expected }) => {
    expect(sendTimeFor({ ...base, occurredAt: new Date(occurredAt), now: new Date(now), delayMinutes: delay, holdMinutes: hold }).toISOString()).toBe(new Date(expected).toISOString());
  });
});

describe("shopperTimeZone", () => {
  it.each([
    { case: "a domestic German order", country: "DE", shop: "Europe/Berlin", expected: "Europe/Berlin" },
    { case: "a US order from a US shop", country: "US", shop: "America/Los_Angeles", expected: "America/Los_Angeles" },
    { case: "a French order from a German shop", country: "FR", shop: "Europe/Berlin", expected: "Europe/Paris" },
    { case: "a Japanese order from a US shop", country: "jp", shop: "America/New_York", expected: "Asia/Tokyo" },
    { case: "a US order from a German shop (median US zone)", country: "US", shop: "Europe/Berlin", expected: "America/Indiana/Tell_City" },
    { case: "no country", country: null, shop: "Europe/Berlin", expected: "Europe/Berlin" },
    { case: "an unknown country code", country: "XX", shop: "Europe/Berlin", expected: "Europe/Berlin" },
    { case: "no shop zone and no country", country: null, shop: null, expected: "UTC" },
  ])("GIVEN $case THEN the shopper's zone is $expected", ({ country, shop, expected }) => {
    expect(shopperTimeZone(country, { timeZone: shop })).toBe(expected);
  });
});

describe("default preferences", () => {
  it("GIVEN a new shop THEN every trigger but the follow-up emails, SMS only for moments a shopper acts on, SMS quiet 21:00–08:00, follow-up after 3 days", () => {
    const { triggers, quietHours, followUpDays } = DEFAULT_NOTIFICATION_PREFERENCES;
    expect(Object.entries(triggers).filter(([, trigger]) => !trigger.email).map(([name]) => name)).toEqual(["delivered_follow_up"]);
    expect(followUpDays).toBe(3);
    expect(Object.entries(triggers).filter(([, trigger]) => trigger.sms).map(([name]) => name).sort()).toEqual(
      ["attempted_delivery", "delivered", "exception", "out_for_delivery", "ready_for_pickup"],
    );
    expect(quietHours).toEqual({ enabled: true, start: "21:00", end: "08:00", channels: ["sms"] });
  });
});
