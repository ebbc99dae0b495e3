import { BlockStack, Card, Page, Text } from "@shopify/polaris";
import { PolarisProvider } from "./PolarisProvider";

/** A plain error page: what went wrong in words a merchant can act on, never a stack trace. */
export function ErrorPage({ title, message }: { title: string; message: string }) {
  return (
    <PolarisProvider>
      <Page narrowWidth>
        <Card>
          <BlockStack gap="200">
            <Text as="h1" variant="headingLg">
              {title}
            </Text>
            <Text as="p">{message}</Text>
          </BlockStack>
        </Card>
      </Page>
    </PolarisProvider>
  );
}
