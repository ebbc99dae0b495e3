import { Form } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  DataTable,
  EmptyState,
  InlineStack,
  Layout,
  Link,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { triggerLabel } from "~/notifications/admin/labels";
import type { MessageLogRow } from "~/notifications/admin/log";
import { NotificationsTabs } from "./NotificationsTabs";

const STATUS_TONES: Record<
  string,
  "success" | "critical" | "warning" | "info" | undefined
> = {
  sent: "success",
  failed: "critical",
  suppressed: "warning",
  pending: "info",
  sending: "info",
};

const utc = (date: Date | null) =>
  date ? date.toISOString().slice(0, 16).replace("T", " ") : "—";

/** The message log: newest first, filterable by order name, each row linking to the order's shipments. */
export function MessageLogPage({
  order,
  rows,
}: {
  order: string;
  rows: MessageLogRow[];
}) {
  const [search, setSearch] = useState(order);
  const table = rows.map((row) => [
    row.orderName ? (
      <Link url={`/app/shipments?q=${encodeURIComponent(row.orderName)}`}>
        {row.orderName}
      </Link>
    ) : (
      row.orderId
    ),
    triggerLabel(row.trigger),
    row.channel === "sms" ? "SMS" : "Email",
    <Badge key="status" tone={STATUS_TONES[row.status]}>
      {row.status}
    </Badge>,
    row.reason ?? "",
    utc(row.sentAt),
    utc(row.createdAt),
  ]);
  return (
    <Page title="Message log" backAction={{ url: "/app/notifications" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <NotificationsTabs />
            <Form method="get">
              <InlineStack gap="200" blockAlign="end">
                <TextField
                  label="Order"
                  name="order"
                  placeholder="#1001"
                  autoComplete="off"
                  value={search}
                  onChange={setSearch}
                />
                <Button submit>Filter</Button>
              </InlineStack>
            </Form>
            <Card padding="0">
              {table.length ? (
                <DataTable
                  columnContentTypes={[
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                    "text",
                  ]}
                  headings={[
                    "Order",
                    "Trigger",
                    "Channel",
                    "Status",
                    "Reason",
                    "Sent (UTC)",
                    "Queued (UTC)",
                  ]}
                  rows={table}
                />
              ) : (
                <EmptyState
                  heading={
                    order
                      ? `No messages for orders matching ${order}`
                      : "No messages yet"
                  }
                  image=""
                >
                  <Text as="p">
                    Every email and SMS Aftercare sends, fails or holds back
                    appears here with the reason.
                  </Text>
                </EmptyState>
              )}
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
