import { describe, expect, it } from "vitest";
import { countShipments } from "~/analytics/shipment-counts";
import { formatSummary, type AppSummary } from "../summary";

function summary(overrides: Partial<AppSummary> = {}): AppSummary {
  return {
    shopName: "Demo Outfitters",
    windowDays: 30,
    orders: { total: 240, unfulfilled: 28, partiallyFulfilled: 13, fulfilled: 180, cancelled: 19 },
    shipments: countShipments([
      { status: "in_transit", count: 16 },
      { status: "delivered", count: 160 },
      { status: "attempted_delivery", count: 2 },
    ]),
    shipmentsByCarrier: [
      { carrier: "fedex", count: 100 },
      { carrier: "ups", count: 78 },
    ],
    failedWebhooks: 0,
    deadJobs: 0,
    ...overrides,
  };
}

describe("formatSummary", () => {
  it("GIVEN a healthy shop WHEN summarised THEN orders, shipments in journey order with the page's labels, and carriers", () => {
    expect(formatSummary(summary())).toEqual([
      "Orders (last 30 days): 240 — 28 unfulfilled, 13 partially fulfilled, 180 fulfilled, 19 cancelled",
      "Shipments: 178 — In transit 16, Delivery attempted 2, Delivered 160",
      "Carriers: FedEx 100, UPS 78",
    ]);
  });

  it.each([
    [{ failedWebhooks: 2 }, "2 webhook(s) failed, 0 job(s) dead"],
    [{ deadJobs: 1 }, "0 webhook(s) failed, 1 job(s) dead"],
  ])("GIVEN failures %o WHEN summarised THEN a last line points at them", (failures, expected) => {
    expect(formatSummary(summary(failures)).at(-1)).toContain(expected);
  });
});
