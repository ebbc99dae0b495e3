import { BlockStack, Box, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import type { RecentOrder } from "~/analytics/overview";
import { formatDate } from "../format";
import { OrderFulfillmentBadge, ShipmentStatusBadge } from "../StatusBadges";

/** The latest orders with their fulfillment and the status of each parcel. */
export function RecentOrdersCard({ orders, timeZone }: { orders: RecentOrder[]; timeZone: string }) {
  return (
    <Card padding="0">
      <BlockStack gap="200">
        <Box paddingBlockStart="400" paddingInline="400">
          <Text as="h2" variant="headingMd">
            Recent orders
          </Text>
        </Box>
        <DataTable
          columnContentTypes={["text", "text", "text", "text"]}
          headings={["Order", "Date", "Fulfillment", "Shipments"]}
          rows={orders.map((order) => [
            <Text as="span" fontWeight="semibold" key="name">
              {order.name}
            </Text>,
            formatDate(order.processedAt, timeZone),
            <OrderFulfillmentBadge key="fulfillment" fulfillment={order.fulfillment} />,
            order.shipments.length === 0 ? (
              <Text as="span" tone="subdued" key="shipments">
                None yet
              </Text>
            ) : (
              <InlineStack gap="100" key="shipments">
                {order.shipments.map(({ status, count }) => (
                  <ShipmentStatusBadge key={status} status={status} count={count} />
                ))}
              </InlineStack>
            ),
          ])}
        />
      </BlockStack>
    </Card>
  );
}
