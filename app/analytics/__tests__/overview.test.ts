import { describe, expect, it } from "vitest";
import { attentionReason } from "~/analytics/attention";
import { countOrders, orderFulfillment } from "~/analytics/order-counts";
import { overviewWindows } from "~/analytics/overview";
import { countShipments } from "~/analytics/shipment-counts";

const NOW = new Date("2026-03-15T12:00:00.000Z");
const { stalledBefore } = overviewWindows(NOW);
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe("orderFulfillment", () => {
  it.each([
    [null, null, "unfulfilled"],
    ["UNFULFILLED", null, "unfulfilled"],
    ["OPEN", null, "unfulfilled"],
    ["ON_HOLD", null, "unfulfilled"],
    ["restocked", null, "unfulfilled"],
    ["partial", null, "partially_fulfilled"],
    ["PARTIALLY_FULFILLED", null, "partially_fulfilled"],
    ["fulfilled", null, "fulfilled"],
    ["FULFILLED", null, "fulfilled"],
    ["FULFILLED", daysAgo(1), "cancelled"],
    [null, daysAgo(1), "cancelled"],
  ] as const)("GIVEN status %s and cancelledAt %s WHEN classified THEN it is %s", (fulfillmentStatus, cancelledAt, expected) => {
    expect(orderFulfillment({ fulfillmentStatus, cancelledAt })).toBe(expected);
  });
});

describe("countOrders", () => {
  it("GIVEN grouped open orders and a cancelled count WHEN summed THEN buckets add up to the total", () => {
    const counts = countOrders(
      [
        { fulfillmentStatus: null, count: 2 },
        { fulfillmentStatus: "UNFULFILLED", count: 1 },
        { fulfillmentStatus: "partial", count: 3 },
        { fulfillmentStatus: "fulfilled", count: 4 },
      ],
      5,
    );

    expect(counts).toEqual({ total: 15, unfulfilled: 3, partiallyFulfilled: 3, fulfilled: 4, cancelled: 5 });
  });
});

describe("countShipments", () => {
  it("GIVEN a status the overview does not know WHEN counted THEN it is kept as other, not dropped", () => {
    const { total, byStatus } = countShipments([
      { status: "in_transit", count: 2 },
      { status: "teleported", count: 1 },
    ]);

    expect(total).toBe(3);
    expect(byStatus.in_transit).toBe(2);
    expect(byStatus.other).toBe(1);
  });
});

describe("attentionReason", () => {
  it.each([
    ["exception", daysAgo(0.1), null, "exception"],
    ["attempted_delivery", daysAgo(0.1), null, "attempted_delivery"],
    ["delayed", daysAgo(10), daysAgo(10), "delayed"],
    ["in_transit", daysAgo(4), null, "stalled"],
    ["label_created", daysAgo(4), daysAgo(3.5), "stalled"],
    ["in_transit", daysAgo(4), daysAgo(1), null],
    ["in_transit", daysAgo(2.9), null, null],
    ["out_for_delivery", daysAgo(1), null, null],
    ["delivered", daysAgo(20), null, null],
    ["returned_to_sender", daysAgo(20), null, null],
    ["cancelled", daysAgo(20), null, null],
  ] as const)("GIVEN %s since %s with last event %s WHEN checked THEN the reason is %s", (status, statusAt, lastEventAt, expected) => {
    expect(attentionReason({ status, statusAt, lastEventAt }, stalledBefore)).toBe(expected);
  });
});
