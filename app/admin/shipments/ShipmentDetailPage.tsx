import { Badge, BlockStack, Card, DataTable, InlineStack, Layout, Link, List, Page, Text } from "@shopify/polaris";
import { shipmentStatusLabel } from "~/analytics/shipment-status";
import type { ShipmentDetail } from "~/shipments/detail";
import { formatLocation } from "~/shipments/order-status";
import { formatDate, formatDateTime } from "../format";
import { ShipmentStatusBadge } from "../StatusBadges";
import { carrierLabel } from "./carrier-label";

/** One parcel: order, carrier link, items, full timeline and how its status got where it is. */
export function ShipmentDetailPage({ detail }: { detail: ShipmentDetail }) {
  const { shipment, order, timeZone } = detail;
  return (
    <Page
      title={`${order.name ?? "Order"} · ${shipment.trackingNumber}`}
      titleMetadata={<ShipmentStatusBadge status={shipment.status} />}
      backAction={{ content: "Shipments", url: "/app/shipments" }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <TimelineCard detail={detail} />
            <ItemsCard detail={detail} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Parcel
                </Text>
                <Fact label="Carrier" value={[carrierLabel(shipment.carrier), shipment.service].filter(Boolean).join(" · ")} />
                <Fact label="Tracking number" value={shipment.trackingNumber} />
                {shipment.trackingUrl && (
                  <Link url={shipment.trackingUrl} target="_blank">
                    Track on the carrier’s site
                  </Link>
                )}
                <Fact label="Shipped" value={shipment.shippedAt ? formatDateTime(shipment.shippedAt, timeZone) : "—"} />
                <Fact
                  label={shipment.deliveredAt ? "Delivered" : "Estimated delivery"}
                  value={shipment.deliveredAt ? formatDateTime(shipment.deliveredAt, timeZone) : shipment.estimatedDeliveryAt ? formatDate(shipment.estimatedDeliveryAt, timeZone) : "—"}
                />
                <Fact label="Order placed" value={order.processedAt ? formatDateTime(order.processedAt, timeZone) : "—"} />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Status history
                </Text>
                <List type="number">
                  {detail.history.map((change) => (
                    <List.Item key={`${change.status}-${change.at.toISOString()}`}>
                      {shipmentStatusLabel(change.status)} — {formatDateTime(change.at, timeZone)}
                    </List.Item>
                  ))}
                </List>
              </BlockStack>
            </Card>
            {detail.siblings.length > 0 && (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    Other parcels of this order
                  </Text>
                  {detail.siblings.map((sibling) => (
                    <InlineStack key={sibling.id} gap="200" blockAlign="center">
                      <Link url={`/app/shipments/${encodeURIComponent(sibling.id)}`}>{sibling.trackingNumber}</Link>
                      <ShipmentStatusBadge status={sibling.status} />
                    </InlineStack>
                  ))}
                </BlockStack>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="050">
      <Text as="p" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="p" breakWord>
        {value || "—"}
      </Text>
    </BlockStack>
  );
}

function TimelineCard({ detail }: { detail: ShipmentDetail }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Timeline
        </Text>
        {detail.timeline.length === 0 ? (
          <Text as="p" tone="subdued">
            No tracking event yet.
          </Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "text", "text", "text"]}
            headings={["When", "Status", "Details", "Source"]}
            rows={detail.timeline.map((event) => [
              formatDateTime(event.happenedAt, detail.timeZone),
              <ShipmentStatusBadge key="status" status={event.status} />,
              [event.message, formatLocation(event)].filter(Boolean).join(" — ") || "—",
              <Badge key="source">{event.source === "shopify" ? "Shopify" : event.source}</Badge>,
            ])}
          />
        )}
      </BlockStack>
    </Card>
  );
}

function ItemsCard({ detail }: { detail: ShipmentDetail }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Items in this fulfillment
        </Text>
        {detail.items.length === 0 ? (
          <Text as="p" tone="subdued">
            Shopify has not told us which items this fulfillment holds.
          </Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "text", "numeric"]}
            headings={["Item", "SKU", "Quantity"]}
            rows={detail.items.map((item) => [[item.title, item.variantTitle].filter(Boolean).join(" — "), item.sku ?? "—", String(item.quantity)])}
          />
        )}
      </BlockStack>
    </Card>
  );
}
