import { describe, expect, it } from "vitest";
import { smsDeliveryStatusOf, statusesOvertakenBy } from "../sms/delivery-status";

describe("SMS delivery status order", () => {
  it.each([
    ["delivered", ["accepted", "scheduled", "queued", "sending", "sent"]],
    ["sent", ["accepted", "scheduled", "queued", "sending"]],
    ["failed", ["accepted", "scheduled", "queued", "sending", "sent"]],
    ["queued", ["accepted", "scheduled"]],
  ] as const)("GIVEN a report of %s WHEN asked what it replaces THEN only earlier statuses, never a final one", (next, earlier) => {
    expect(statusesOvertakenBy(next)).toEqual(earlier);
  });

  it.each([
    ["Delivered", "delivered"],
    [" undelivered ", "undelivered"],
    ["read", null],
    ["canceled", null],
  ])("GIVEN the provider's status %j WHEN read THEN it is %j", (value, expected) => {
    expect(smsDeliveryStatusOf(value)).toBe(expected);
  });
});
