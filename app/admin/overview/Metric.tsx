import { BlockStack, Text } from "@shopify/polaris";
import { formatCount } from "../format";

/** One labelled figure: the label first so a screen reader announces what the number means. */
export function Metric({ label, value, tone }: { label: string; value: number; tone?: "critical" | "caution" | "success" }) {
  return (
    <BlockStack gap="100">
      <Text as="p" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingXl" tone={value > 0 ? tone : undefined}>
        {formatCount(value)}
      </Text>
    </BlockStack>
  );
}
