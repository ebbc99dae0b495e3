import { BlockStack, Text } from "@shopify/polaris";

/** One labelled, already formatted figure; the label first so a screen reader announces what it means. */
export function Figure({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="100">
      <Text as="p" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value}
      </Text>
    </BlockStack>
  );
}
