import { AppProvider } from "@shopify/polaris";
import englishTranslations from "@shopify/polaris/locales/en.json" with { type: "json" };
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CarrierAnalytics } from "~/analytics/carrier-analytics";
import { CarriersPage } from "../CarriersPage";

const analytics: CarrierAnalytics = {
  since: "2025-11-25T00:00:00.000Z",
  groupBy: "lane",
  parcels: 12,
  currencyCode: "USD",
  rows: [{ carrier: "UPS", service: "Ground", group: "US-CA", parcels: 12, delivered: 10, onTimeRate: 0.9, promisedDelivered: 10, medianTransitDays: 3, p90TransitDays: 5, exceptionRate: 0.083 }],
  distributions: [{ carrier: "UPS", service: "Ground", buckets: [{ days: "3", parcels: 10 }] }],
  recommendations: [
    {
      lane: "US-CA",
      criteria: ["speed", "reliability"],
      options: [
        { carrier: "UPS", service: "Ground", delivered: 10, medianTransitDays: 3, p90TransitDays: 5, reliability: 0.9, reliabilityBasis: "on-time rate", exceptionRate: 0.083, medianCost: null, costParcels: 0, score: 1 },
      ],
    },
  ],
};

const render = (value: CarrierAnalytics) =>
  renderToString(
    <AppProvider i18n={englishTranslations}>
      <CarriersPage analytics={value} />
    </AppProvider>,
  );

describe("CarriersPage", () => {
  it("GIVEN a shop's carrier analytics WHEN rendered on the server THEN the performance, the transit table (the chart's fallback) and the recommendation with its evidence are shown", () => {
    const html = render(analytics);
    expect(html).toContain("12 parcels shipped since 2025-11-25");
    expect(html).toContain("90% of 10");
    expect(html).toContain("8.3%");
    expect(html).toContain("★ UPS · Ground");
    expect(html).toContain("90% (on-time rate)");
    expect(html).toContain("cost is left out");
  });

  it("GIVEN a destination ranked on cost WHEN rendered THEN each option's median charge shows in the shop's currency with how many parcels it is taken from", () => {
    const [recommendation] = analytics.recommendations;
    const option = { ...recommendation!.options[0]!, medianCost: "7.50", costParcels: 9 };
    const html = render({ ...analytics, recommendations: [{ ...recommendation!, criteria: ["speed", "reliability", "cost"], options: [option] }] });
    expect(html).toMatch(/Ranked on (<!-- -->)?speed, reliability, cost(<!-- -->)?\./);
    expect(html).toContain("7.50 USD (9 parcels)");
    expect(html).not.toContain("cost is left out");
  });

  it("GIVEN no parcels WHEN rendered THEN the empty state explains when data appears", () => {
    expect(render({ ...analytics, parcels: 0, rows: [], distributions: [], recommendations: [] })).toContain("No shipped parcels yet");
  });
});
