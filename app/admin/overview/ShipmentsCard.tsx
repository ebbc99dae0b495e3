import { BlockStack, Card, DataTable, Link, Text } from "@shopify/polaris";
import type { ShipmentCounts } from "~/analytics/shipment-counts";
import { isShipmentStatus } from "~/analytics/shipment-status";
import { listSearch, NO_FILTERS } from "~/shipments/list-params";
import { formatCount } from "../format";
import { ShipmentStatusBadge } from "../StatusBadges";

/** Shipments by normalised status, in journey order; statuses with no shipments are left out. */
export function ShipmentsCard({ shipments, windowDays }: { shipments: ShipmentCounts; windowDays: number }) {
  const rows = Object.entries(shipments.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => [<StatusLink key={status} status={status} />, formatCount(count)]);
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

/** A status badge that opens the shipments list filtered to it (an unknown status has no filter to open). */
function StatusLink({ status }: { status: string }) {
  if (!isShipmentStatus(status)) return <ShipmentStatusBadge status={status} />;
  return (
    <Link url={`/app/shipments${listSearch({ ...NO_FILTERS, statuses: [status] })}`} removeUnderline>
      <ShipmentStatusBadge status={status} />
    </Link>
  );
}
