import { Badge, BlockStack, Card, DataTable, EmptyState, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import type { GroupBy, PerformanceRow } from "~/analytics/carrier-performance";
import type { CarrierAnalytics } from "~/analytics/carrier-analytics";
import { MIN_DELIVERED } from "~/analytics/carrier-recommendation";
import { TransitChart } from "./TransitChart";

const GROUPINGS: { by: GroupBy; label: string }[] = [
  { by: "service", label: "Carrier service" },
  { by: "lane", label: "Destination" },
  { by: "month", label: "Month" },
];

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 1000) / 10}%`);
const days = (value: number | null) => (value === null ? "—" : `${value} d`);
const serviceName = (row: { carrier: string; service: string | null }) => (row.service ? `${row.carrier} · ${row.service}` : row.carrier);

function PerformanceTable({ rows, groupBy }: { rows: PerformanceRow[]; groupBy: GroupBy }) {
  const headings = ["Carrier service", ...(groupBy === "service" ? [] : [groupBy === "lane" ? "Destination" : "Month"]), "Parcels", "Delivered", "On time", "Median transit", "90% within", "Exceptions"];
  const body = rows.map((row) => [
    serviceName(row),
    ...(groupBy === "service" ? [] : [row.group ?? "—"]),
    row.parcels,
    row.delivered,
    row.promisedDelivered ? `${percent(row.onTimeRate)} of ${row.promisedDelivered}` : "—",
    days(row.medianTransitDays),
    days(row.p90TransitDays),
    percent(row.exceptionRate),
  ]);
  return <DataTable columnContentTypes={headings.map((_, index) => (index === 0 || (index === 1 && groupBy !== "service") ? "text" : "numeric"))} headings={headings} rows={body} />;
}

/** The carriers page: how each carrier service performs for this shop, and which to use per destination, with the evidence. */
export function CarriersPage({ analytics }: { analytics: CarrierAnalytics }) {
  if (!analytics.parcels) {
    return (
      <Page title="Carriers">
        <Card>
          <EmptyState heading="No shipped parcels yet" image="">
            <p>Carrier performance appears here once parcels have been handed to a carrier.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  const distributionTable = (
    <DataTable
      columnContentTypes={["text", ...analytics.distributions[0]!.buckets.map(() => "numeric" as const)]}
      headings={["Carrier service", ...analytics.distributions[0]!.buckets.map((bucket) => `${bucket.days} d`)]}
      rows={analytics.distributions.map((distribution) => [serviceName(distribution), ...distribution.buckets.map((bucket) => bucket.parcels)])}
    />
  );
  return (
    <Page title="Carriers" subtitle={`${analytics.parcels} parcels shipped since ${analytics.since.slice(0, 10)}`}>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Performance by
                </Text>
                {GROUPINGS.map((grouping) =>
                  grouping.by === analytics.groupBy ? (
                    <Badge key={grouping.by} tone="info">
                      {grouping.label}
                    </Badge>
                  ) : (
                    <a key={grouping.by} href={`?by=${grouping.by}`}>
                      {grouping.label}
                    </a>
                  ),
                )}
              </InlineStack>
              <Text as="p" tone="subdued">
                On time means delivered on or before the date first promised to the shopper; parcels without a promise are not counted there.
              </Text>
              <PerformanceTable rows={analytics.rows} groupBy={analytics.groupBy} />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Transit time (hand-off to delivery, calendar days)
              </Text>
              {analytics.distributions.length ? <TransitChart distributions={analytics.distributions} fallback={distributionTable} /> : <Text as="p">No deliveries yet.</Text>}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="h2" variant="headingLg">
              Recommended carrier per destination
            </Text>
            {analytics.recommendations.length ? null : <Text as="p">Recommendations need at least {MIN_DELIVERED} delivered parcels of a carrier service to a destination.</Text>}
            {analytics.recommendations.map((recommendation) => (
              <Card key={recommendation.lane}>
                <BlockStack gap="200">
                  <Text as="h3" variant="headingMd">
                    {recommendation.lane}
                  </Text>
                  <Text as="p" tone="subdued">
                    Ranked on {recommendation.criteria.join(", ")}
                    {recommendation.criteria.includes("cost") ? "" : ` (cost is left out: it needs the shipping charge of at least ${MIN_DELIVERED} parcels of every option)`}.
                  </Text>
                  <DataTable
                    columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "text", "numeric", "numeric"]}
                    headings={["Carrier service", "Score", "Delivered", "Median transit", "90% within", "Reliability", "Exceptions", "Median charge"]}
                    rows={recommendation.options.map((option, index) => [
                      index === 0 ? `★ ${serviceName(option)}` : serviceName(option),
                      option.score.toFixed(2),
                      option.delivered,
                      days(option.medianTransitDays),
                      days(option.p90TransitDays),
                      `${percent(option.reliability)} (${option.reliabilityBasis})`,
                      percent(option.exceptionRate),
                      option.medianCost === null ? "—" : `${option.medianCost}${analytics.currencyCode ? ` ${analytics.currencyCode}` : ""} (${option.costParcels} parcels)`,
                    ])}
                  />
                </BlockStack>
              </Card>
            ))}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
