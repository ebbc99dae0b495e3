import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import type { WebhookHealth } from "~/analytics/overview";
import { formatDateTime, formatTimeAgo } from "../format";
import { Metric } from "./Metric";

interface InboxHealthCardProps {
  webhooks: WebhookHealth;
  lastReconciledAt: Date | null;
  timeZone: string;
  now: Date;
}

/** Whether Shopify's updates are reaching Aftercare: webhook deliveries, failures and the last reconciliation. */
export function InboxHealthCard({ webhooks, lastReconciledAt, timeZone, now }: InboxHealthCardProps) {
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Sync health
        </Text>
        <InlineGrid columns={3} gap="400">
          <Metric label="Webhooks received (24 h)" value={webhooks.receivedLast24h} />
          <Metric label="Failed webhooks" value={webhooks.failed} tone="critical" />
          <Metric label="Dead jobs" value={webhooks.deadJobs} tone="critical" />
        </InlineGrid>
        <BlockStack gap="100">
          <Text as="p" variant="bodySm" tone="subdued">
            Last reconciliation with Shopify
          </Text>
          {lastReconciledAt ? (
            <Text as="p">
              <time dateTime={lastReconciledAt.toISOString()}>{formatDateTime(lastReconciledAt, timeZone)}</time> (
              {formatTimeAgo(lastReconciledAt, now)})
            </Text>
          ) : (
            <Text as="p">Not run yet</Text>
          )}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
