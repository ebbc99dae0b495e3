import { BlockStack, Card, InlineGrid, InlineStack, Link, Text } from "@shopify/polaris";
import type { ReturnsMetrics } from "~/returns/metrics";
import { Figure } from "../Figure";
import { formatCount, formatHours, formatMoney, formatShare } from "../format";

/** The returns headline on the home page: rate, what stayed in the store, time to refund and open cases. */
export function ReturnsCard({ returns }: { returns: ReturnsMetrics }) {
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Returns in the last {returns.periodDays} days
          </Text>
          <Link url="/app/returns" removeUnderline>
            All returns
          </Link>
        </InlineStack>
        <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
          <Figure label="Return rate" value={formatShare(returns.returnRate.orders.rate)} />
          <Figure label="Kept as exchange or credit" value={returns.money.map((figures) => `${formatMoney(figures.kept)} (${formatShare(figures.keptShare)})`).join(" · ") || "—"} />
          <Figure label="Median time to refund" value={formatHours(returns.timeToRefund.medianHours)} />
          <Figure label="Open cases" value={formatCount(returns.open.total)} />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
