import { Badge, BlockStack, Box, Button, Card, InlineGrid, InlineStack, Text } from "@shopify/polaris";
import { discountUnit } from "~/offers/discount";
import { fromMinorUnits, toMinorUnits } from "~/offers/money";
import type { OfferFormValues } from "~/offers/offer-form";

interface Props {
  values: OfferFormValues;
  price: string;
  currencyCode: string;
  productTitle: string | null;
}

/** The discounted unit price the form describes, or null while a value is not valid yet. */
function previewPrices(values: OfferFormValues, price: string, currencyCode: string): { original: string; discounted: string; label: string | null } | null {
  try {
    const priceMinor = toMinorUnits(price, currencyCode);
    const kind = values.discountKind;
    const discount =
      kind === "percentage" ? { kind, percent: values.discountValue } : kind === "fixed_amount" ? { kind, amount: values.discountValue } : kind === "free_shipping" ? { kind } : { kind: "none" as const };
    const unit = discountUnit(priceMinor, discount as Parameters<typeof discountUnit>[1], currencyCode, values.maxDiscount.trim() || undefined);
    const label = kind === "percentage" ? `${values.discountValue}% off` : kind === "fixed_amount" ? `${values.discountValue} off` : kind === "free_shipping" ? "Free shipping" : null;
    return { original: fromMinorUnits(priceMinor, currencyCode), discounted: fromMinorUnits(unit.discountedMinor, currencyCode), label };
  } catch {
    return null;
  }
}

/** How the offer looks on each surface it is enabled on, updated as the form changes. */
export function OfferPreview({ values, price, currencyCode, productTitle }: Props) {
  const prices = previewPrices(values, price, currencyCode);
  const title = values.copyTitle || productTitle || values.name || "Your offer";
  const body = values.copyBody || null;
  const product = productTitle ?? (values.productKind === "recommended" ? "A recommended product" : "The offered product");
  const money = (amount: string) => `${amount} ${currencyCode}`;
  const priceLine = prices ? (
    <InlineStack gap="200" blockAlign="center">
      {prices.label ? <Text as="span" tone="subdued" textDecorationLine="line-through">{money(prices.original)}</Text> : null}
      <Text as="span" variant="headingMd">{money(prices.discounted)}</Text>
      {prices.label ? <Badge tone="success">{prices.label}</Badge> : null}
    </InlineStack>
  ) : (
    <Text as="p" tone="critical">Fix the discount to see the price.</Text>
  );
  const surfaces = new Set(values.surfaces);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Preview</Text>
        <Text as="p" tone="subdued">Prices use {productTitle ? "the product's current price" : `a sample price of ${money(price)}`}.</Text>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
          {surfaces.has("post_purchase") ? (
            <PreviewFrame label="Post-purchase page">
              <Text as="h3" variant="headingLg">{title}</Text>
              {body ? <Text as="p">{body}</Text> : null}
              <Text as="p">{product} × {values.quantity || "1"}</Text>
              {priceLine}
              <Button variant="primary" fullWidth>{`Pay now · ${prices ? money(prices.discounted) : "—"}`}</Button>
              <Button variant="plain">Decline this offer</Button>
            </PreviewFrame>
          ) : null}
          {surfaces.has("thank_you") ? (
            <PreviewFrame label="Thank-you page">
              <Text as="h3" variant="headingSm">{title}</Text>
              {priceLine}
              <Button>Add to cart</Button>
              <Text as="p" tone="subdued">Shown when the post-purchase page was skipped (e.g. wallet checkouts); otherwise a next-order code.</Text>
            </PreviewFrame>
          ) : null}
          {surfaces.has("order_status") ? (
            <PreviewFrame label="Order status page">
              <Text as="h3" variant="headingSm">You might also like</Text>
              <Text as="p">{title}</Text>
              {priceLine}
              <Button variant="plain">View product</Button>
            </PreviewFrame>
          ) : null}
          {surfaces.has("tracking_page") ? (
            <PreviewFrame label="Tracking page">
              <Text as="h3" variant="headingSm">Recommended for you</Text>
              <Text as="p">{title}</Text>
              {priceLine}
            </PreviewFrame>
          ) : null}
        </InlineGrid>
        {surfaces.size === 0 ? <Text as="p" tone="subdued">Choose at least one surface.</Text> : null}
      </BlockStack>
    </Card>
  );
}

function PreviewFrame({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box borderWidth="025" borderColor="border" borderRadius="200" padding="300">
      <BlockStack gap="200">
        <Text as="p" variant="bodySm" tone="subdued">{label}</Text>
        {children}
      </BlockStack>
    </Box>
  );
}
