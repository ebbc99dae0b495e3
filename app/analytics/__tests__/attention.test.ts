import { describe, expect, it } from "vitest";
import { summariseAttention } from "../attention";
import { countShipments } from "../shipment-counts";

const now = new Date("2026-11-25T12:00:00Z");
const stalledBefore = new Date("2026-11-22T12:00:00Z");

describe("summariseAttention", () => {
  it.each([
    ["dhl_express", "DHL Express"],
    ["royal_mail", "Royal Mail"],
    ["Some Local Courier", "Some Local Courier"],
  ])("GIVEN a shipment needing attention with carrier %s WHEN summarised THEN the merchant sees %s", (carrier, shown) => {
    const row = { id: "s1", orderId: "o1", trackingNumber: "7697510741", carrier, status: "exception", statusAt: now, lastEventAt: now };

    const summary = summariseAttention(countShipments([{ status: "exception", count: 1 }]).byStatus, 0, [row], new Map([["o1", "#1010"]]), stalledBefore);

    expect(summary.shipments[0]).toMatchObject({ orderName: "#1010", carrier: shown, reason: "exception" });
  });
});
