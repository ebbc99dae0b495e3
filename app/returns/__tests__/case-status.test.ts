import { describe, expect, it } from "vitest";
import { canMove, reopenedStatus, statusFromShopify } from "../case-status";

describe("return case status", () => {
  it.each([
    ["requested", "open", true],
    ["requested", "declined", true],
    ["open", "requested", false],
    ["received", "open", false],
    ["processed", "closed", true],
    ["closed", "open", false],
    ["declined", "open", false],
    ["cancelled", "closed", false],
    ["open", "open", false],
  ] as const)("GIVEN %s WHEN moving to %s THEN allowed is %s", (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });

  it.each([
    ["REQUESTED", "requested"],
    ["open", "open"],
    ["DECLINED", "declined"],
    ["closed", "closed"],
    ["canceled", "cancelled"],
    ["weird", null],
  ])("GIVEN Shopify status %s THEN ours is %s", (shopify, ours) => {
    expect(statusFromShopify(shopify)).toBe(ours);
  });

  it("GIVEN a reopened return THEN it resumes at the furthest step reached", () => {
    const at = new Date();
    expect(reopenedStatus({ processedAt: at, receivedAt: at })).toBe("processed");
    expect(reopenedStatus({ processedAt: null, receivedAt: at })).toBe("received");
    expect(reopenedStatus({ processedAt: null, receivedAt: null })).toBe("open");
  });
});
