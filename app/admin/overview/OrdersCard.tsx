import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import type { OrderCounts } from "~/analytics/order-counts";
import { Metric } from "./Metric";

/** Orders placed in the window, by where they stand. */
export function OrdersCard({ orders, windowDays }: { orders: OrderCounts; windowDays: number }) {
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Orders in the last {windowDays} days
        </Text>
        <InlineGrid columns={{ xs: 2, sm: 3, md: 5 }} gap="400">
          <Metric label="Total" value={orders.total} />
          <Metric label="Unfulfilled" value={orders.unfulfilled} tone="caution" />
          <Metric label="Partially fulfilled" value={orders.partiallyFulfilled} tone="caution" />
          <Metric label="Fulfilled" value={orders.fulfilled} />
          <Metric label="Cancelled" value={orders.cancelled} />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
