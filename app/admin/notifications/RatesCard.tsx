import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { formatCount } from "../format";
import { triggerLabel } from "~/notifications/admin/labels";
import type { TriggerRates } from "~/notifications/admin/rates";

const percent = (rate: number | null) =>
  rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`;

/** Each trigger's sent, failed and suppressed counts with delivery, open and click rates. */
export function RatesCard({
  rates,
  days,
}: {
  rates: TriggerRates[];
  days: number;
}) {
  const rows = rates.map((row) => [
    triggerLabel(row.trigger),
    formatCount(row.sent),
    formatCount(row.failed),
    formatCount(row.suppressed),
    percent(row.deliveryRate),
    percent(row.smsDeliveryRate),
    percent(row.openRate),
    percent(row.clickRate),
  ]);
  return (
    <Card padding="0">
      <BlockStack gap="200">
        <div style={{ padding: "16px 16px 0" }}>
          <Text as="h2" variant="headingMd">
            Last {days} days
          </Text>
          <Text as="p" tone="subdued">
            Opens are counted with a tracking pixel and clicks with signed
            links, so both are for email only and opens are a lower bound.
            Accepted is what the mail server or SMS provider took; SMS
            delivered is what carriers confirmed to the handset.
          </Text>
        </div>
        <DataTable
          columnContentTypes={[
            "text",
            "numeric",
            "numeric",
            "numeric",
            "numeric",
            "numeric",
            "numeric",
            "numeric",
          ]}
          headings={[
            "Trigger",
            "Sent",
            "Failed",
            "Suppressed",
            "Accepted",
            "SMS delivered",
            "Opened",
            "Clicked",
          ]}
          rows={rows}
        />
      </BlockStack>
    </Card>
  );
}
