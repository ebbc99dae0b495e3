import { InlineStack, Link } from "@shopify/polaris";

/** Links between the notification pages. */
export function NotificationsTabs() {
  return (
    <InlineStack gap="400">
      <Link url="/app/notifications">Settings and rates</Link>
      <Link url="/app/notifications/log">Message log</Link>
      <Link url="/app/notifications/preview">Email preview</Link>
      <Link url="/app/notifications/templates">Templates</Link>
    </InlineStack>
  );
}
