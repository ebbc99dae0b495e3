import { useNavigate } from "@remix-run/react";
import { IndexTable, Link, Text } from "@shopify/polaris";
import { listSearch, type ShipmentListFilters } from "~/shipments/list-params";
import type { ShipmentListPage } from "~/shipments/list-page";
import { formatDate, formatDateTime } from "../format";
import { ShipmentStatusBadge } from "../StatusBadges";
import { carrierLabel } from "./carrier-label";

const HEADINGS = [
  { title: "Order" },
  { title: "Tracking number" },
  { title: "Carrier" },
  { title: "Status" },
  { title: "Last event" },
  { title: "Estimated delivery" },
] as const;
const LAST_EVENT_COLUMN = 4;

/** One page of shipments with sorting by last activity and cursor pagination, both kept in the URL. */
export function ShipmentsTable({ page, filters }: { page: ShipmentListPage; filters: ShipmentListFilters }) {
  const navigate = useNavigate();
  const go = (search: string) => navigate(`/app/shipments${search}`);
  const rows = page.rows.map((row, position) => (
    <IndexTable.Row id={row.id} key={row.id} position={position}>
      <IndexTable.Cell>
        <Link url={`/app/shipments/${encodeURIComponent(row.id)}`} removeUnderline>
          <Text as="span" fontWeight="semibold">
            {row.orderName ?? "Order not synced"}
          </Text>
        </Link>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" breakWord>
          {row.trackingNumber}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>{carrierLabel(row.carrier)}</IndexTable.Cell>
      <IndexTable.Cell>
        <ShipmentStatusBadge status={row.status} />
      </IndexTable.Cell>
      <IndexTable.Cell>{row.lastEventAt ? formatDateTime(row.lastEventAt, page.timeZone) : "No event yet"}</IndexTable.Cell>
      <IndexTable.Cell>
        {row.deliveredAt ? `Delivered ${formatDate(row.deliveredAt, page.timeZone)}` : row.estimatedDeliveryAt ? formatDate(row.estimatedDeliveryAt, page.timeZone) : "—"}
      </IndexTable.Cell>
    </IndexTable.Row>
  ));
  return (
    <IndexTable
      resourceName={{ singular: "shipment", plural: "shipments" }}
      itemCount={page.rows.length}
      headings={[...HEADINGS]}
      selectable={false}
      sortable={HEADINGS.map((_, index) => index === LAST_EVENT_COLUMN)}
      sortColumnIndex={LAST_EVENT_COLUMN}
      sortDirection={filters.sort === "activity_asc" ? "ascending" : "descending"}
      defaultSortDirection="descending"
      onSort={(_, direction) => go(listSearch({ ...filters, sort: direction === "ascending" ? "activity_asc" : "activity_desc" }))}
      pagination={{
        hasPrevious: page.pageInfo.hasPreviousPage,
        hasNext: page.pageInfo.hasNextPage,
        onPrevious: () => go(listSearch(filters, { before: page.pageInfo.startCursor })),
        onNext: () => go(listSearch(filters, { after: page.pageInfo.endCursor })),
      }}
    >
      {rows}
    </IndexTable>
  );
}
