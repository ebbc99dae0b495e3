import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import type { ShipmentCounts } from "~/analytics/shipment-counts";
import { formatCount } from "../format";
import { ShipmentStatusBadge } from "../StatusBadges";

/** Shipments by normalised status, in journey order; statuses with no shipments are left out. */
export function ShipmentsCard({ shipments, windowDays }: { shipments: ShipmentCounts; windowDays: number }) {
  const rows = Object.entries(shipments.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => [<ShipmentStatusBadge key={status} status={status} />, formatCount(count)]);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Shipments
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          Every open shipment, and those closed in the last {windowDays} days.
        </Text>
        {rows.length === 0 ? (
          <Text as="p">No shipments yet.</Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "numeric"]}
            headings={["Status", "Shipments"]}
            rows={rows}
            totals={["", formatCount(shipments.total)]}
            showTotalsInFooter
          />
        )}
      </BlockStack>
    </Card>
  );
}
