import { useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Card, Checkbox, ChoiceList, FormLayout, InlineGrid, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { OfferEditorData } from "~/offers/admin-views";
import type { OfferFormValues } from "~/offers/offer-form";
import { OfferPreview } from "./OfferPreview";
import { OfferResultsCard } from "./OfferResultsCard";
import { SimulatorCard } from "./SimulatorCard";

export type SaveResult = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

const SURFACES = [
  { label: "Post-purchase page (one-click upsell)", value: "post_purchase" },
  { label: "Thank-you page", value: "thank_you" },
  { label: "Order status page", value: "order_status" },
  { label: "Tracking page", value: "tracking_page" },
];

/** The offer editor: every field of the offer, a live preview per surface, results and the simulator. */
export function OfferEditorPage({ data, result, simulateAction }: { data: OfferEditorData; result?: SaveResult; simulateAction: string }) {
  const [values, setValues] = useState<OfferFormValues>(data.form);
  const submit = useSubmit();
  const saving = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.fieldErrors : {};
  const set = (field: keyof OfferFormValues) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const error = (field: string) => errors[field]?.join("; ");
  const text = (field: Exclude<keyof OfferFormValues, "surfaces">, label: string, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField label={label} value={values[field]} onChange={set(field)} error={error(field)} autoComplete="off" {...extra} />
  );
  return (
    <Page
      title={data.isNew ? "New offer" : values.name || values.id}
      backAction={{ content: "Offers", url: "/app/offers" }}
      primaryAction={{ content: "Save", loading: saving, onAction: () => submit({ intent: "save", values }, { method: "post", encType: "application/json" }) }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result && !result.ok ? (
              <Banner tone="critical" title={result.message}>
                {errors._ ? <p>{errors._.join("; ")}</p> : <p>Fix the fields marked below.</p>}
              </Banner>
            ) : null}
            {result?.ok ? <Banner tone="success" title="Offer saved" /> : null}
            <Card>
              <FormLayout>
                <FormLayout.Group>
                  {text("id", "Offer id", { disabled: !data.isNew, helpText: "Letters, digits and dashes; used in results." })}
                  {text("name", "Name")}
                </FormLayout.Group>
                <FormLayout.Group>
                  <Select label="Status" options={["active", "paused", "archived"]} value={values.status} onChange={set("status")} error={error("status")} />
                  {text("priority", "Priority", { type: "number", helpText: "Higher wins; expected revenue breaks ties." })}
                </FormLayout.Group>
                <ChoiceList allowMultiple title="Show on" choices={SURFACES} selected={values.surfaces} onChange={(surfaces) => setValues((current) => ({ ...current, surfaces }))} error={error("surfaces")} />
              </FormLayout>
            </Card>
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">Product</Text>
                <Select label="What to offer" options={[{ label: "A fixed product", value: "fixed" }, { label: "Recommended from the order", value: "recommended" }]} value={values.productKind} onChange={set("productKind")} error={error("productKind")} />
                {values.productKind === "fixed" ? (
                  <FormLayout.Group>
                    {text("productId", "Product id", { placeholder: "gid://shopify/Product/…" })}
                    {text("variantId", "Variant id", { placeholder: "gid://shopify/ProductVariant/…" })}
                  </FormLayout.Group>
                ) : (
                  text("excludeProductIds", "Never recommend (product ids, comma-separated)")
                )}
                <FormLayout.Group>
                  {text("quantity", "Quantity", { type: "number" })}
                  <Checkbox label="Replenishable (may be offered when already in the order)" checked={values.replenishable === "true"} onChange={(checked) => set("replenishable")(checked ? "true" : "")} />
                </FormLayout.Group>
              </FormLayout>
            </Card>
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">Discount</Text>
                <FormLayout.Group>
                  <Select
                    label="Discount"
                    options={[{ label: "Percentage", value: "percentage" }, { label: "Fixed amount per item", value: "fixed_amount" }, { label: "Free shipping", value: "free_shipping" }, { label: "None", value: "none" }]}
                    value={values.discountKind}
                    onChange={set("discountKind")}
                    error={error("discountKind")}
                  />
                  {values.discountKind === "percentage" || values.discountKind === "fixed_amount" ? text("discountValue", values.discountKind === "percentage" ? "Percent off" : `Amount off (${data.currencyCode})`) : null}
                </FormLayout.Group>
                <FormLayout.Group>
                  {text("maxDiscount", `Maximum discount per item (${data.currencyCode})`)}
                  {text("shippingFee", `Shipping fee for the added item (${data.currencyCode})`)}
                </FormLayout.Group>
              </FormLayout>
            </Card>
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">Copy</Text>
                {text("copyTitle", "Headline")}
                {text("copyBody", "Message", { multiline: 3 })}
                {text("discountTitle", "Discount name on the order")}
              </FormLayout>
            </Card>
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">Limits and schedule</Text>
                <FormLayout.Group>
                  {text("maxPerCustomer", "Accepts per customer", { type: "number" })}
                  {text("maxAccepts", "Accepts in total", { type: "number" })}
                  {text("discountBudget", `Discount budget (${data.currencyCode})`)}
                </FormLayout.Group>
                <FormLayout.Group>
                  {text("startsAt", "Starts (local time)", { placeholder: "2026-12-01T09:00" })}
                  {text("endsAt", "Ends (local time)", { placeholder: "2026-12-24T23:59" })}
                  {text("timeZone", "Time zone", { placeholder: "Europe/Paris" })}
                </FormLayout.Group>
              </FormLayout>
            </Card>
            <Card>
              <FormLayout>
                <Text as="h2" variant="headingMd">Targeting and A/B test</Text>
                {text("targeting", "Targeting rules (JSON)", {
                  multiline: 6,
                  monospaced: true,
                  helpText: 'e.g. {"all":[{"type":"order_value","min":"40.00"},{"type":"shipping_country","countries":["US","CA"]}]} — also products_in_order, collections_in_order, product_tags_in_order, customer_tags, customer_order_count, discount_code_used; combine with all / any / not.',
                })}
                {text("arms", "A/B versions (JSON)", {
                  multiline: 4,
                  monospaced: true,
                  helpText: 'e.g. [{"id":"a","weight":50},{"id":"b","weight":50,"discount":{"kind":"percentage","percent":"20"}}] — the first version is the original; unset fields use the offer\'s.',
                })}
              </FormLayout>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <OfferPreview values={values} price={data.previewPrice} currencyCode={data.currencyCode} productTitle={data.productTitle} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={1} gap="400">
            {data.results ? <OfferResultsCard results={data.results} /> : null}
            <SimulatorCard orders={data.recentOrders} action={simulateAction} />
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
