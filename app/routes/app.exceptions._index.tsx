import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, DataTable, EmptyState, Layout, Page, Text } from "@shopify/polaris";
import { db } from "~/db.server";
import { EXCEPTION_KIND_LABELS, evidenceLines } from "~/exceptions/labels";
import { listOpenExceptions } from "~/exceptions/list.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Exceptions · Aftercare" }];

/** The shop's open delivery exceptions, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  return data({ exceptions: await listOpenExceptions(db(), session.shop) });
}

export default function Exceptions() {
  const { exceptions } = useLoaderData<typeof loader>();
  const rows = exceptions.map((exception) => [
    <Badge key="kind" tone={exception.kind === "failed_attempt" || exception.kind === "returned_to_sender" ? "critical" : "warning"}>
      {EXCEPTION_KIND_LABELS[exception.kind]}
    </Badge>,
    exception.orderName ?? exception.orderId,
    exception.trackingNumber ?? "—",
    exception.since.slice(0, 16).replace("T", " "),
    <BlockStack key="evidence" gap="050">
      {evidenceLines(exception.evidence).map((line) => (
        <Text key={line} as="span" variant="bodySm" tone="subdued">
          {line}
        </Text>
      ))}
    </BlockStack>,
  ]);
  return (
    <Page title="Exceptions" subtitle="Parcels and orders that need attention. Updated every 15 minutes.">
      <Layout>
        <Layout.Section>
          <Card padding="0">
            {rows.length ? (
              <DataTable columnContentTypes={["text", "text", "text", "text", "text"]} headings={["Problem", "Order", "Parcel", "Since (UTC)", "Evidence"]} rows={rows} />
            ) : (
              <EmptyState heading="No delivery exceptions" image="">
                <p>Stalled, late, failed and returned parcels, and orders not shipped in time, appear here.</p>
              </EmptyState>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
