import { BlockStack, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import type { AttentionReason, ShipmentsNeedingAttention } from "~/analytics/attention";
import { formatCount, formatTimeAgo } from "../format";
import { AttentionReasonBadge, ShipmentStatusBadge } from "../StatusBadges";

interface AttentionCardProps {
  attention: ShipmentsNeedingAttention;
  stalledAfterDays: number;
  now: Date;
}

/** Shipments a merchant should look at, by reason, with the longest-waiting listed. */
export function AttentionCard({ attention, stalledAfterDays, now }: AttentionCardProps) {
  const reasons = (Object.keys(attention.byReason) as AttentionReason[]).filter((reason) => attention.byReason[reason] > 0);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Needs attention
        </Text>
        {attention.total === 0 ? (
          <Text as="p" tone="success">
            No shipment needs your attention.
          </Text>
        ) : (
          <>
            <Text as="p">
              {formatCount(attention.total)} {attention.total === 1 ? "shipment needs" : "shipments need"} a look.
              Shipments with no update for {stalledAfterDays} days count as “No update”.
            </Text>
            <InlineStack gap="200" wrap>
              {reasons.map((reason) => (
                <InlineStack key={reason} gap="100" blockAlign="center">
                  <AttentionReasonBadge reason={reason} />
                  <Text as="span" fontWeight="semibold">
                    {formatCount(attention.byReason[reason])}
                  </Text>
                </InlineStack>
              ))}
            </InlineStack>
            <DataTable
              columnContentTypes={["text", "text", "text", "text", "text"]}
              headings={["Order", "Tracking number", "Status", "Reason", "Last update"]}
              rows={attention.shipments.map((shipment) => [
                shipment.orderName ?? "—",
                [shipment.carrier, shipment.trackingNumber].filter(Boolean).join(" "),
                <ShipmentStatusBadge key="status" status={shipment.status} />,
                <AttentionReasonBadge key="reason" reason={shipment.reason} />,
                formatTimeAgo(shipment.lastActivityAt, now),
              ])}
            />
          </>
        )}
      </BlockStack>
    </Card>
  );
}
