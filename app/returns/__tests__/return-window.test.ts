import { describe, expect, it } from "vitest";
import { returnPolicySchema, type WindowBasis } from "../policy-schema";
import { type WindowDates, returnWindow } from "../return-window";

const windowPolicy = (basis: WindowBasis = "delivered", whenBasisDateUnknown: "count_from_earlier_date" | "wait" = "count_from_earlier_date") =>
  returnPolicySchema.parse({ window: { basis, whenBasisDateUnknown } }).window;

const dates = (overrides: Partial<WindowDates> = {}): WindowDates => ({
  processedAt: new Date("2026-11-20T15:00:00Z"),
  fulfilledAt: new Date("2026-11-21T15:00:00Z"),
  deliveredAt: new Date("2026-11-24T15:00:00Z"),
  ...overrides,
});

describe("returnWindow: the last day is inclusive until local midnight", () => {
  it.each([
    // zone, delivered at, days, basis day, last day, closes at (first closed instant)
    ["America/New_York", "2026-11-24T15:00:00Z", 30, "2026-11-24", "2026-12-24", "2026-12-25T05:00:00.000Z"],
    ["America/New_York", "2026-11-25T03:30:00Z", 30, "2026-11-24", "2026-12-24", "2026-12-25T05:00:00.000Z"], // 22:30 local, already the 25th in UTC
    ["UTC", "2026-11-25T03:30:00Z", 30, "2026-11-25", "2026-12-25", "2026-12-26T00:00:00.000Z"],
    ["Asia/Tokyo", "2026-11-24T16:00:00Z", 30, "2026-11-25", "2026-12-25", "2026-12-25T15:00:00.000Z"], // 01:00 the next day in Tokyo
    ["Pacific/Kiritimati", "2026-11-24T09:59:00Z", 14, "2026-11-24", "2026-12-08", "2026-12-08T10:00:00.000Z"], // UTC+14: midnight ending 8 December is 10:00Z
    ["America/New_York", "2026-11-24T15:00:00Z", 0, "2026-11-24", "2026-11-24", "2026-11-25T05:00:00.000Z"], // same-day only
    // Spring forward on 14 March 2027: the last day ends at 04:00Z (EDT), not 05:00Z as 31×24h from EST midnight would say.
    ["America/New_York", "2027-02-12T15:00:00Z", 30, "2027-02-12", "2027-03-14", "2027-03-15T04:00:00.000Z"],
    // Fall back on 1 November 2026: the last day has 25 hours and ends at 05:00Z (EST).
    ["America/New_York", "2026-10-02T15:00:00Z", 30, "2026-10-02", "2026-11-01", "2026-11-02T05:00:00.000Z"],
    ["Europe/Berlin", "2026-09-25T10:00:00Z", 30, "2026-09-25", "2026-10-25", "2026-10-25T23:00:00.000Z"],
    ["Europe/Berlin", "2026-03-01T10:00:00Z", 28, "2026-03-01", "2026-03-29", "2026-03-29T22:00:00.000Z"],
    // Chile skips midnight on 6 September 2026 (00:00 → 01:00): the window closes at the day's first instant, 01:00.
    ["America/Santiago", "2026-08-06T16:00:00Z", 30, "2026-08-06", "2026-09-05", "2026-09-06T04:00:00.000Z"],
  ])("GIVEN delivery in %s at %s and %i days THEN it counts from %s, the last day is %s and returns close at %s", (timeZone, deliveredAt, days, basisDate, lastDay, closesAt) => {
    const window = returnWindow(windowPolicy(), days, dates({ deliveredAt: new Date(deliveredAt) }), new Date(deliveredAt), timeZone);
    expect(window).toMatchObject({ state: "open", basis: "delivered", basisDate, lastDay, days });
    if (window.state === "awaiting_basis_date") throw new Error("unreachable");
    expect(window.closesAt.toISOString()).toBe(closesAt);

    const lastMoment = new Date(window.closesAt.getTime() - 1);
    expect(returnWindow(windowPolicy(), days, dates({ deliveredAt: new Date(deliveredAt) }), lastMoment, timeZone).state).toBe("open");
    expect(returnWindow(windowPolicy(), days, dates({ deliveredAt: new Date(deliveredAt) }), window.closesAt, timeZone).state).toBe("closed");
  });
});

describe("returnWindow: the basis and what happens when its date is unknown", () => {
  it.each<[WindowBasis, "count_from_earlier_date" | "wait", Partial<WindowDates>, { basis: WindowBasis; fellBackFrom: WindowBasis | null; basisDate: string } | "awaiting"]>([
    ["delivered", "count_from_earlier_date", {}, { basis: "delivered", fellBackFrom: null, basisDate: "2026-11-24" }],
    ["fulfilled", "count_from_earlier_date", {}, { basis: "fulfilled", fellBackFrom: null, basisDate: "2026-11-21" }],
    ["ordered", "count_from_earlier_date", {}, { basis: "ordered", fellBackFrom: null, basisDate: "2026-11-20" }],
    ["delivered", "count_from_earlier_date", { deliveredAt: null }, { basis: "fulfilled", fellBackFrom: "delivered", basisDate: "2026-11-21" }],
    ["delivered", "count_from_earlier_date", { deliveredAt: null, fulfilledAt: null }, { basis: "ordered", fellBackFrom: "delivered", basisDate: "2026-11-20" }],
    ["fulfilled", "count_from_earlier_date", { fulfilledAt: null }, { basis: "ordered", fellBackFrom: "fulfilled", basisDate: "2026-11-20" }],
    ["delivered", "wait", { deliveredAt: null }, "awaiting"],
    ["fulfilled", "wait", { fulfilledAt: null }, "awaiting"],
    ["ordered", "wait", { deliveredAt: null, fulfilledAt: null }, { basis: "ordered", fellBackFrom: null, basisDate: "2026-11-20" }],
  ])("GIVEN basis %s, %s when unknown, and dates %j THEN the window counts from %j", (basis, whenUnknown, known, expected) => {
    const window = returnWindow(windowPolicy(basis, whenUnknown), 30, dates(known), new Date("2026-11-26T12:00:00Z"), "America/New_York");
    if (expected === "awaiting") expect(window).toEqual({ state: "awaiting_basis_date", basis });
    else expect(window).toMatchObject({ state: "open", ...expected });
  });
});
