import { Layout, Page } from "@shopify/polaris";
import type { ShopOverview } from "~/analytics/overview";
import type { ReturnsMetrics } from "~/returns/metrics";
import { AttentionCard } from "./AttentionCard";
import { InboxHealthCard } from "./InboxHealthCard";
import { OrdersCard } from "./OrdersCard";
import { OverviewEmptyState } from "./OverviewEmptyState";
import { RecentOrdersCard } from "./RecentOrdersCard";
import { ReturnsCard } from "./ReturnsCard";
import { ShipmentsCard } from "./ShipmentsCard";

/**
 * The home page: the shop's post-purchase overview, or the empty state before the first orders land. The
 * returns headline shows once the shop has had a return in its period or has one open.
 */
export function OverviewPage({ overview, returns = null }: { overview: ShopOverview; returns?: ReturnsMetrics | null }) {
  const now = overview.generatedAt;
  const health = (
    <InboxHealthCard webhooks={overview.webhooks} lastReconciledAt={overview.lastReconciledAt} timeZone={overview.timeZone} now={now} />
  );
  if (overview.isEmpty) {
    return (
      <Page title="Overview">
        <Layout>
          <Layout.Section>
            <OverviewEmptyState windowDays={overview.windowDays} />
          </Layout.Section>
          <Layout.Section>{health}</Layout.Section>
        </Layout>
      </Page>
    );
  }
  return (
    <Page title="Overview">
      <Layout>
        <Layout.Section>
          <OrdersCard orders={overview.orders} windowDays={overview.windowDays} />
        </Layout.Section>
        <Layout.Section>
          <AttentionCard attention={overview.attention} stalledAfterDays={overview.stalledAfterDays} now={now} />
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <ShipmentsCard shipments={overview.shipments} windowDays={overview.windowDays} />
        </Layout.Section>
        <Layout.Section variant="oneHalf">{health}</Layout.Section>
        {returns && (returns.cases > 0 || returns.open.total > 0) && (
          <Layout.Section>
            <ReturnsCard returns={returns} />
          </Layout.Section>
        )}
        <Layout.Section>
          <RecentOrdersCard orders={overview.recentOrders} timeZone={overview.timeZone} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
