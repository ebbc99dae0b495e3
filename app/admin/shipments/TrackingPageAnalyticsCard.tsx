import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import { Figure } from "../Figure";
import { formatCount } from "../format";

/** The tracking page figures this card shows (a subset of app/tracking-page's analytics, which is server code). */
export interface TrackingPageFigures {
  views: number;
  visitsPerOrder: number;
  uniqueShoppers: number;
  marketingViews: number;
  marketingClicks: number;
  clickThroughRate: number;
}

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** How shoppers use the branded tracking page: visits per order, unique shoppers, marketing-block CTR. */
export function TrackingPageAnalyticsCard({ figures, days }: { figures: TrackingPageFigures; days: number }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Tracking page, last {days} days
        </Text>
        <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
          <Figure label="Page views" value={formatCount(figures.views)} />
          <Figure label="Visits per order" value={decimal.format(figures.visitsPerOrder)} />
          <Figure label="Unique shoppers" value={formatCount(figures.uniqueShoppers)} />
          <Figure
            label={`Marketing click-through (${formatCount(figures.marketingClicks)} of ${formatCount(figures.marketingViews)})`}
            value={percent.format(figures.clickThroughRate)}
          />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
