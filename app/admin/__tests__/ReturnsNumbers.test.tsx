import { AppProvider } from "@shopify/polaris";
import englishTranslations from "@shopify/polaris/locales/en.json" with { type: "json" };
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatHours, formatMoney, formatShare } from "~/admin/format";
import { OverviewPage } from "~/admin/overview/OverviewPage";
import { ReturnsCard } from "~/admin/overview/ReturnsCard";
import { ReturnsNumbers } from "~/admin/returns/ReturnsNumbers";
import type { ShopOverview } from "~/analytics/overview";
import { countShipments } from "~/analytics/shipment-counts";
import { returnsMetrics } from "~/returns/metrics";

const requested = new Date("2026-11-10T10:00:00Z");
const metrics = returnsMetrics({
  periodDays: 90,
  since: new Date("2026-08-28T00:00:00Z"),
  until: new Date("2026-11-26T00:00:00Z"),
  cases: [
    { id: "a", orderId: "o1", status: "processed", outcome: "refund", currency: "EUR", refundAmount: "40.00", storeCreditAmount: "0.00", bonusAmount: "0.00", exchangeValue: "0.00", amountDue: "0.00", requestedAt: requested, processedAt: new Date("2026-11-13T10:00:00Z") },
    { id: "b", orderId: "o2", status: "requested", outcome: "exchange", currency: "EUR", refundAmount: "0.00", storeCreditAmount: "0.00", bonusAmount: "0.00", exchangeValue: "60.00", amountDue: "0.00", requestedAt: requested, processedAt: null },
    { id: "c", orderId: "o3", status: "received", outcome: "store_credit", currency: "USD", refundAmount: "0.00", storeCreditAmount: "11.00", bonusAmount: "1.00", exchangeValue: "0.00", amountDue: "0.00", requestedAt: requested, processedAt: null },
  ],
  lines: [
    { returnId: "a", productId: "gid://shopify/Product/1", title: "Linen shirt", quantity: 2, reason: "size_too_small" },
    { returnId: "b", productId: "gid://shopify/Product/1", title: "Linen shirt", quantity: 1, reason: "defective" },
    { returnId: "c", productId: null, title: "Gift card sleeve", quantity: 1, reason: "unwanted" },
  ],
  shipped: { orders: 20, units: 50 },
  cohortOrderIds: new Set(["o1", "o2", "o3"]),
  byStatus: [
    { status: "requested", count: 1 },
    { status: "received", count: 1 },
  ],
});

function render(node: ReactNode): string {
  const html = renderToString(<AppProvider i18n={englishTranslations}>{node}</AppProvider>);
  return html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
}

describe("ReturnsNumbers", () => {
  it("GIVEN a period's numbers WHEN the returns page renders them THEN each figure reads formatted, money per currency", () => {
    const text = render(<ReturnsNumbers metrics={metrics} onPeriodChange={() => undefined} />);

    expect(text).toContain("Return rate 15% 3 of 20 shipped orders · 8% of items");
    expect(text).toContain("Exchanges 33.3% 1 of 3 returns · 1 store credit · 1 refund");
    expect(text).toContain("Time to refund 3 days median · 90% within 3 days (1 refunded)");
    expect(text).toContain("Open cases 2 1 requested · 0 approved · 0 in transit · 1 received");
    expect(text).toContain("€60.00 kept (60%)");
    expect(text).toContain("€60.00 exchanged · €0.00 store credit (€0.00 bonus) · €40.00 refunded");
    expect(text).toContain("$10.00 kept (100%)");
    expect(text).toContain("Too small 2 · 50%");
    expect(text).toContain("Linen shirt — 3 (75%)");
    expect(text).toContain("Gift card sleeve — 1 (25%)");
  });
});

describe("ReturnsCard", () => {
  it("GIVEN the period's numbers WHEN the home page shows the headline THEN rate, kept value, time to refund and open cases read", () => {
    const text = render(<ReturnsCard returns={metrics} />);

    expect(text).toContain("Returns in the last 90 days");
    expect(text).toContain("Return rate 15%");
    expect(text).toContain("Kept as exchange or credit €60.00 (60%) · $10.00 (100%)");
    expect(text).toContain("Median time to refund 3 days");
    expect(text).toContain("Open cases 2");
  });
});

describe("OverviewPage with returns", () => {
  const overview: ShopOverview = {
    generatedAt: new Date("2026-11-26T00:00:00Z"),
    timeZone: "UTC",
    windowDays: 30,
    stalledAfterDays: 3,
    orders: { total: 1, unfulfilled: 0, partiallyFulfilled: 0, fulfilled: 1, cancelled: 0 },
    shipments: countShipments([]),
    attention: { total: 0, byReason: { exception: 0, attempted_delivery: 0, delayed: 0, stalled: 0 }, shipments: [] },
    recentOrders: [],
    webhooks: { receivedLast24h: 0, failed: 0, deadJobs: 0 },
    lastReconciledAt: null,
    isEmpty: false,
  };
  const quiet = returnsMetrics({ periodDays: 30, since: new Date(0), until: new Date(0), cases: [], lines: [], shipped: { orders: 5, units: 9 }, cohortOrderIds: new Set(), byStatus: [] });

  it("GIVEN a shop with returns WHEN the home page renders THEN the returns headline is shown", () => {
    expect(render(<OverviewPage overview={overview} returns={metrics} />)).toContain("Returns in the last 90 days");
  });

  it.each([
    ["no returns and none open", quiet],
    ["no figures loaded", null],
  ])("GIVEN %s WHEN the home page renders THEN there is no returns headline", (_name, returns) => {
    expect(render(<OverviewPage overview={overview} returns={returns} />)).not.toContain("Returns in the last");
  });
});

describe("returns formatting", () => {
  it.each([
    [null, "—"],
    [0, "0%"],
    [0.1234, "12.3%"],
    [1, "100%"],
  ])("GIVEN the share %s THEN it reads %s", (rate, expected) => {
    expect(formatShare(rate)).toBe(expected);
  });

  it.each([
    [null, "—"],
    [0.5, "0.5 h"],
    [36, "36 h"],
    [48, "2 days"],
    [108, "4.5 days"],
  ])("GIVEN %s hours THEN it reads %s", (hours, expected) => {
    expect(formatHours(hours)).toBe(expected);
  });

  it.each([
    [{ amount: "1234.50", currency: "EUR" }, "€1,234.50"],
    [{ amount: "1500", currency: "JPY" }, "¥1,500"],
    [{ amount: "0.10", currency: "USD" }, "$0.10"],
  ])("GIVEN %j THEN it reads %s", (money, expected) => {
    expect(formatMoney(money)).toBe(expected);
  });
});
