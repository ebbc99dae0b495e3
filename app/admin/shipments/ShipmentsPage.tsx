import { Banner, BlockStack, Card, EmptyState, Layout, List, Page, Text } from "@shopify/polaris";
import { isFiltered, type ShipmentListFilters } from "~/shipments/list-params";
import type { ShipmentListPage } from "~/shipments/list-page";
import { ShipmentFilters } from "./ShipmentFilters";
import { ShipmentsTable } from "./ShipmentsTable";
import { TrackingPageAnalyticsCard, type TrackingPageFigures } from "./TrackingPageAnalyticsCard";

/** What the list loader hands the page: a page of shipments, or the reasons the URL's filters were refused. */
export type ShipmentsListResult =
  | { ok: true; filters: ShipmentListFilters; page: ShipmentListPage }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

export interface ShipmentsPageProps {
  result: ShipmentsListResult;
  analytics: { figures: TrackingPageFigures; days: number } | null;
}

/** The admin shipments list: search, filters, sortable paginated table, and the tracking page's figures. */
export function ShipmentsPage({ result, analytics }: ShipmentsPageProps) {
  return (
    <Page title="Shipments" fullWidth>
      <Layout>
        {analytics && (
          <Layout.Section>
            <TrackingPageAnalyticsCard figures={analytics.figures} days={analytics.days} />
          </Layout.Section>
        )}
        <Layout.Section>{result.ok ? <ShipmentsList filters={result.filters} page={result.page} /> : <InvalidFilters result={result} />}</Layout.Section>
      </Layout>
    </Page>
  );
}

function ShipmentsList({ filters, page }: { filters: ShipmentListFilters; page: ShipmentListPage }) {
  const nothing = page.rows.length === 0 && !page.pageInfo.hasPreviousPage;
  return (
    <Card padding="0">
      <ShipmentFilters filters={filters} carriers={page.carriers} />
      {nothing ? (
        <EmptyState heading={isFiltered(filters) ? "No shipments match these filters" : "No shipments yet"} image="">
          <p>{isFiltered(filters) ? "Try removing a filter or searching for another order or tracking number." : "Parcels appear here as soon as an order is fulfilled with a tracking number."}</p>
        </EmptyState>
      ) : (
        <ShipmentsTable filters={filters} page={page} />
      )}
    </Card>
  );
}

function InvalidFilters({ result }: { result: Extract<ShipmentsListResult, { ok: false }> }) {
  return (
    <Banner tone="critical" title={result.message} action={{ content: "Show all shipments", url: "/app/shipments" }}>
      <BlockStack gap="200">
        <Text as="p">The address of this page has filters the list cannot use:</Text>
        <List>
          {Object.entries(result.fieldErrors).map(([parameter, messages]) => (
            <List.Item key={parameter}>
              <Text as="span" fontWeight="semibold">
                {parameter}
              </Text>{" "}
              {messages.join("; ")}
            </List.Item>
          ))}
        </List>
      </BlockStack>
    </Banner>
  );
}
