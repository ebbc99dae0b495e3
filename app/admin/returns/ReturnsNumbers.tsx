import { BlockStack, Card, InlineGrid, InlineStack, Select, Text } from "@shopify/polaris";
import { REASONS } from "~/returns/explain";
import type { ReasonCount, ReturnsMetrics } from "~/returns/metrics";
import { METRIC_PERIODS } from "~/returns/metrics-period";
import { formatCount, formatHours, formatMoney, formatShare } from "../format";
import { RETURN_STATUS_LABELS } from "./return-labels";

const PERIOD_OPTIONS = METRIC_PERIODS.map((days) => ({ label: days === 365 ? "Last 12 months" : `Last ${days} days`, value: String(days) }));

const reasonLabel = (reason: string) => REASONS[reason as keyof typeof REASONS] ?? reason;
const plural = (count: number, one: string, many: string) => `${formatCount(count)} ${count === 1 ? one : many}`;

/** The returns numbers of a period: rate, what stayed in the store, reasons, time to refund and open cases. */
export function ReturnsNumbers({ metrics, onPeriodChange }: { metrics: ReturnsMetrics; onPeriodChange: (days: string) => void }) {
  return (
    <BlockStack gap="400">
      <InlineStack align="space-between" blockAlign="center">
        <Text as="h2" variant="headingLg">
          Numbers
        </Text>
        <Select label="Period" labelInline options={PERIOD_OPTIONS} value={String(metrics.periodDays)} onChange={onPeriodChange} />
      </InlineStack>
      <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
        <FigureCard
          title="Return rate"
          value={formatShare(metrics.returnRate.orders.rate)}
          detail={`${formatCount(metrics.returnRate.orders.count)} of ${formatCount(metrics.returnRate.orders.of)} shipped orders · ${formatShare(metrics.returnRate.items.rate)} of items`}
        />
        <FigureCard
          title="Exchanges"
          value={formatShare(metrics.exchangeShare.rate)}
          detail={`${formatCount(metrics.exchangeShare.count)} of ${plural(metrics.exchangeShare.of, "return", "returns")} · ${formatCount(metrics.outcomes.store_credit)} store credit · ${plural(metrics.outcomes.refund, "refund", "refunds")}`}
        />
        <FigureCard
          title="Time to refund"
          value={formatHours(metrics.timeToRefund.medianHours)}
          detail={`median · 90% within ${formatHours(metrics.timeToRefund.p90Hours)} (${formatCount(metrics.timeToRefund.cases)} refunded)`}
        />
        <FigureCard
          title="Open cases"
          value={formatCount(metrics.open.total)}
          detail={metrics.open.byStatus.map((group) => `${formatCount(group.count)} ${RETURN_STATUS_LABELS[group.status].toLowerCase()}`).join(" · ")}
        />
      </InlineGrid>
      <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
        <Card>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Revenue kept
            </Text>
            {metrics.money.length === 0 && <Text as="p" tone="subdued">No settled value yet.</Text>}
            {metrics.money.map((figures) => (
              <BlockStack gap="100" key={figures.currency}>
                <Text as="p" variant="headingMd">{`${formatMoney(figures.kept)} kept (${formatShare(figures.keptShare)})`}</Text>
                <Text as="p" tone="subdued">
                  {`${formatMoney(figures.exchanged)} exchanged · ${formatMoney(figures.storeCredit)} store credit (${formatMoney(figures.bonus)} bonus) · ${formatMoney(figures.refunded)} refunded`}
                </Text>
              </BlockStack>
            ))}
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Top reasons
            </Text>
            <ReasonList reasons={metrics.topReasons} />
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Most returned products
            </Text>
            {metrics.topProducts.length === 0 && <Text as="p" tone="subdued">No returns in this period.</Text>}
            {metrics.topProducts.map((product) => (
              <BlockStack gap="050" key={product.productId ?? product.title}>
                <Text as="p" fontWeight="semibold">{`${product.title} — ${formatCount(product.units)} (${formatShare(product.share)})`}</Text>
                <Text as="p" tone="subdued">
                  {product.reasons.map((reason) => `${reasonLabel(reason.reason)} ${formatShare(reason.share)}`).join(" · ")}
                </Text>
              </BlockStack>
            ))}
          </BlockStack>
        </Card>
      </InlineGrid>
    </BlockStack>
  );
}

function FigureCard({ title, value, detail }: { title: string; value: string; detail: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {title}
        </Text>
        <Text as="p" variant="headingXl">
          {value}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {detail}
        </Text>
      </BlockStack>
    </Card>
  );
}

function ReasonList({ reasons }: { reasons: readonly ReasonCount[] }) {
  if (reasons.length === 0) return <Text as="p" tone="subdued">No returns in this period.</Text>;
  return (
    <BlockStack gap="100">
      {reasons.map((reason) => (
        <InlineStack key={reason.reason} align="space-between">
          <Text as="span">{reasonLabel(reason.reason)}</Text>
          <Text as="span" tone="subdued">{`${formatCount(reason.units)} · ${formatShare(reason.share)}`}</Text>
        </InlineStack>
      ))}
    </BlockStack>
  );
}
