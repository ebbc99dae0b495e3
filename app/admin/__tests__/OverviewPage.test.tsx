import { AppProvider } from "@shopify/polaris";
import englishTranslations from "@shopify/polaris/locales/en.json" with { type: "json" };
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ShopOverview } from "~/analytics/overview";
import { countShipments } from "~/analytics/shipment-counts";
import { OverviewPage } from "~/admin/overview/OverviewPage";

const NOW = new Date("2026-03-15T12:00:00.000Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

const busyShop: ShopOverview = {
  generatedAt: NOW,
  timeZone: "America/New_York",
  windowDays: 30,
  stalledAfterDays: 3,
  orders: { total: 12345, unfulfilled: 40, partiallyFulfilled: 5, fulfilled: 12000, cancelled: 300 },
  shipments: countShipments([
    { status: "in_transit", count: 1200 },
    { status: "exception", count: 2 },
    { status: "delivered", count: 9000 },
  ]),
  attention: {
    total: 3,
    byReason: { exception: 2, attempted_delivery: 0, delayed: 0, stalled: 1 },
    shipments: [
      {
        id: "s1",
        orderId: "gid://shopify/Order/1",
        orderName: "#1001",
        trackingNumber: "1Z999",
        carrier: "UPS",
        status: "in_transit",
        reason: "stalled",
        lastActivityAt: hoursAgo(100),
      },
    ],
  },
  recentOrders: [
    {
      id: "gid://shopify/Order/1",
      name: "#1001",
      processedAt: new Date("2026-03-15T02:30:00.000Z"),
      fulfillment: "partially_fulfilled",
      shipments: [{ status: "in_transit", count: 2 }],
    },
  ],
  webhooks: { receivedLast24h: 1500, failed: 1, deadJobs: 0 },
  lastReconciledAt: hoursAgo(2),
  isEmpty: false,
};

function render(overview: ShopOverview): string {
  const html = renderToString(
    <AppProvider i18n={englishTranslations}>
      <OverviewPage overview={overview} />
    </AppProvider>,
  );
  // Text content only, so assertions read like what a merchant (or a screen reader: badges announce their
  // tone, e.g. "Critical Exception") gets.
  return html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
}

describe("OverviewPage", () => {
  it("GIVEN a busy shop WHEN the home page renders THEN every figure is shown formatted, with headings", () => {
    const text = render(busyShop);

    expect(text).toContain("Overview");
    expect(text).toContain("Orders in the last 30 days");
    expect(text).toContain("Total 12,345");
    expect(text).toContain("Unfulfilled 40");
    expect(text).toContain("Cancelled 300");
    expect(text).toContain("3 shipments need a look");
    expect(text).toContain("#1001 UPS 1Z999 Info In transit Attention No update 4 days ago");
    expect(text).toContain("Success Delivered 9,000");
    expect(text).toContain("Webhooks received (24 h) 1,500");
    expect(text).toContain("Mar 15, 2026, 6:00 AM ( 2 hours ago )");
    expect(text).toContain("#1001 Mar 14, 2026 Warning Partially complete Partially fulfilled Info In transit × 2");
    expect(text).not.toContain("Your orders are on their way");
  });

  it("GIVEN a shop whose backfill has not landed WHEN the home page renders THEN it explains orders arrive within minutes", () => {
    const text = render({ ...busyShop, recentOrders: [], isEmpty: true, lastReconciledAt: null });

    expect(text).toContain("Your recent orders will appear here within minutes");
    expect(text).toContain("Not run yet");
    expect(text).not.toContain("Recent orders");
  });

  it("GIVEN nothing needs attention WHEN the home page renders THEN it says so instead of an empty table", () => {
    const text = render({ ...busyShop, attention: { total: 0, byReason: { exception: 0, attempted_delivery: 0, delayed: 0, stalled: 0 }, shipments: [] } });

    expect(text).toContain("No shipment needs your attention.");
  });
});
