import { Badge, BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import type { OfferResults } from "~/offers/results";

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const SURFACE_NAMES: Record<string, string> = { post_purchase: "Post-purchase", thank_you: "Thank-you", order_status: "Order status", tracking_page: "Tracking page" };
const VERDICTS: Record<string, { label: string; tone: "info" | "success" | "attention" }> = {
  collecting_data: { label: "Collecting data", tone: "info" },
  no_clear_winner: { label: "No clear winner", tone: "attention" },
  treatment_wins: { label: "Challenger wins", tone: "success" },
  control_wins: { label: "Original wins", tone: "success" },
};

/** Views, conversions and revenue per surface and per A/B version, with the significance test explained. */
export function OfferResultsCard({ results }: { results: OfferResults }) {
  const money = (amount: string) => `${amount} ${results.currencyCode}`;
  const cells = (row: OfferResults["total"]) => [row.impressions, row.clicks, row.accepts, row.declines, percent(row.conversion), money(row.revenue), row.codeImpressions, row.codeCopies];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Results</Text>
        <Text as="p" tone="subdued">
          A view is an order that saw the offer. On the post-purchase page a conversion is an accept; on the other pages, a click through to the store. Code views and copies count the next-order codes the offer gave.
        </Text>
        <DataTable
          columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric"]}
          headings={["Surface", "Views", "Clicks", "Accepts", "Declines", "Conversion", "Revenue added", "Code views", "Code copies"]}
          rows={[
            ...results.bySurface.map((row) => [SURFACE_NAMES[row.surface] ?? row.surface, ...cells(row)]),
            ["Total", ...cells(results.total)],
          ]}
        />
        {results.byArm.length > 1 ? (
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">A/B test</Text>
            <DataTable
              columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
              headings={["Version", "Views", "Conversions", "Conversion", "Revenue added"]}
              rows={results.byArm.map((arm, index) => [`${arm.armId}${index === 0 ? " (original)" : ""}`, arm.impressions, arm.conversions, percent(arm.conversion), money(arm.revenue)])}
            />
            {results.comparisons.map((comparison) => {
              const verdict = VERDICTS[comparison.result.verdict]!;
              return (
                <BlockStack gap="100" key={comparison.armId}>
                  <Text as="p">
                    <Badge tone={verdict.tone}>{verdict.label}</Badge> “{comparison.armId}” against “{comparison.versus}”
                  </Text>
                  <Text as="p">{comparison.result.explanation}</Text>
                </BlockStack>
              );
            })}
            <Text as="p" tone="subdued">
              We compare versions with a two-proportion z-test at 95% confidence and call no winner before each version has at least 200 views and 10 conversions.
            </Text>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
