import { Card, EmptyState, Text } from "@shopify/polaris";

/** What a new shop sees until its first orders are stored. */
export function OverviewEmptyState({ windowDays }: { windowDays: number }) {
  return (
    <Card>
      <EmptyState heading="Your orders are on their way" image="/empty-state.svg">
        <Text as="p">
          Your recent orders will appear here within minutes: Aftercare is importing the last {windowDays} days of
          orders and shipments from Shopify.
        </Text>
      </EmptyState>
    </Card>
  );
}
