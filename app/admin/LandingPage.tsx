import { BlockStack, Button, Card, Layout, List, Page, Text } from "@shopify/polaris";
import { PolarisProvider } from "./PolarisProvider";

const FEATURES = [
  ["Tracking", "Every parcel's carrier updates, normalised into one clear status."],
  ["Notifications", "Shipping and delivery messages your customers actually want."],
  ["Returns", "A self-serve returns flow with your policies built in."],
  ["Offers", "Post-purchase offers timed to the moment the parcel arrives."],
] as const;

/** The public page a visitor sees outside Shopify admin: what Aftercare is and where to log in. */
export function LandingPage() {
  return (
    <PolarisProvider>
      <Page narrowWidth>
        <Layout>
          <Layout.Section>
            <Card>
              <BlockStack gap="400">
                <Text as="h1" variant="heading2xl">
                  Aftercare
                </Text>
                <Text as="p" variant="bodyLg">
                  The whole post-purchase journey for Shopify stores, from the moment an order is placed until it
                  is delivered, returned or bought again.
                </Text>
                <List type="bullet">
                  {FEATURES.map(([name, description]) => (
                    <List.Item key={name}>
                      <Text as="span" fontWeight="semibold">
                        {name}:
                      </Text>{" "}
                      {description}
                    </List.Item>
                  ))}
                </List>
                <Button url="/auth/login" variant="primary">
                  Log in with your store
                </Button>
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
      </Page>
    </PolarisProvider>
  );
}
