import { Form } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, DataTable, EmptyState, Link, Page, Text } from "@shopify/polaris";
import type { OfferListRow } from "~/offers/admin-views";

const STATUS_TONES = { active: "success", paused: "attention", archived: undefined } as const;
const SURFACE_SHORT: Record<string, string> = { post_purchase: "Post-purchase", thank_you: "Thank-you", order_status: "Order status", tracking_page: "Tracking" };

/** Every offer with its status and key numbers; pause or resume in one click. */
export function OffersListPage({ rows, currencyCode }: { rows: OfferListRow[]; currencyCode: string }) {
  return (
    <Page title="Offers" primaryAction={{ content: "Create offer", url: "/app/offers/new" }}>
      <Card>
        {rows.length === 0 ? (
          <EmptyState heading="Offer something after checkout" action={{ content: "Create offer", url: "/app/offers/new" }} image="">
            <p>One-click upsells on the post-purchase page, offers on the thank-you and order status pages, and next-order codes.</p>
          </EmptyState>
        ) : (
          <BlockStack gap="200">
            <DataTable
              columnContentTypes={["text", "text", "text", "numeric", "text", "numeric", "numeric", "numeric", "text"]}
              headings={["Offer", "Status", "Shown on", "Priority", "Discount", "Views", "Conversion", `Revenue (${currencyCode})`, ""]}
              rows={rows.map((row) => [
                <Link key="name" url={`/app/offers/${encodeURIComponent(row.id)}`}>{row.name}</Link>,
                <Badge key="status" tone={STATUS_TONES[row.status]}>{row.status}</Badge>,
                row.surfaces.map((surface) => SURFACE_SHORT[surface] ?? surface).join(", ") + (row.experiment ? " · A/B" : ""),
                row.priority,
                row.discountLabel,
                row.results.total.impressions,
                `${(row.results.total.conversion * 100).toFixed(1)}%`,
                row.results.total.revenue,
                row.status === "archived" ? "" : (
                  <Form method="post" key="toggle">
                    <input type="hidden" name="offerId" value={row.id} />
                    <input type="hidden" name="status" value={row.status === "active" ? "paused" : "active"} />
                    <Button submit size="slim">{row.status === "active" ? "Pause" : "Activate"}</Button>
                  </Form>
                ),
              ])}
            />
            <Text as="p" tone="subdued">Conversion: accepts on the post-purchase page, clicks elsewhere, per order that saw the offer.</Text>
          </BlockStack>
        )}
      </Card>
    </Page>
  );
}
