import { describe, expect, it } from "vitest";
import { reconcileSince, updatedSinceQuery } from "../window";

const now = new Date("2026-11-25T12:00:00Z");

describe("reconcileSince", () => {
  it.each([
    ["never reconciled", null, undefined, "2026-11-25T08:00:00Z"],
    ["reconciled 15 minutes ago", "2026-11-25T11:45:00Z", undefined, "2026-11-25T07:45:00Z"],
    ["reconciled two days ago (the worker was down)", "2026-11-23T12:00:00Z", undefined, "2026-11-23T08:00:00Z"],
    ["reconciled 'in the future' (clock skew)", "2026-11-25T13:00:00Z", undefined, "2026-11-25T08:00:00Z"],
    ["asked for a 720 h backfill", "2026-11-25T11:45:00Z", 720, "2026-10-26T12:00:00Z"],
  ])("GIVEN the shop was %s THEN the window starts at %s", (_case, last, lookbackHours, since) => {
    expect(reconcileSince({ now, lastReconciledAt: last ? new Date(last) : null, lookbackHours })).toEqual(new Date(since));
  });

  it("GIVEN a start THEN the search query uses Shopify's syntax", () => {
    expect(updatedSinceQuery(new Date("2026-11-25T08:00:00Z"))).toBe("updated_at:>='2026-11-25T08:00:00.000Z'");
  });
});
