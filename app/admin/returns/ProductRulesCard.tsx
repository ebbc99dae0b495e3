import { BlockStack, Button, Card, Divider, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import type { ReturnPolicy, RuleEffect } from "~/returns/policy-schema";
import { listFrom, listText, move, newRule, numberFrom, numberText, type PolicyEditor } from "./policy-editing";

const EFFECTS: { value: RuleEffect["type"]; label: string; make: () => RuleEffect }[] = [
  { value: "final_sale", label: "Final sale", make: () => ({ type: "final_sale" }) },
  { value: "non_returnable", label: "Not returnable", make: () => ({ type: "non_returnable" }) },
  { value: "exchange_only", label: "Exchange only", make: () => ({ type: "exchange_only" }) },
  { value: "store_credit_only", label: "Store credit only", make: () => ({ type: "store_credit_only" }) },
  { value: "window_days", label: "Own return window (days)", make: () => ({ type: "window_days", days: 60 }) },
  { value: "restocking_fee", label: "Own restocking fee (%)", make: () => ({ type: "restocking_fee", fee: { type: "percent", percent: 0 } }) },
  { value: "handling_fee", label: "Handling fee per item", make: () => ({ type: "handling_fee", amount: "5.00" }) },
];

const MATCH_FIELDS: { key: keyof ReturnPolicy["rules"][number]["match"]; label: string; help?: string }[] = [
  { key: "tags", label: "Product tags" },
  { key: "collectionIds", label: "Collection ids", help: "gid://shopify/Collection/…" },
  { key: "productTypes", label: "Product types" },
  { key: "vendors", label: "Vendors" },
  { key: "productIds", label: "Product ids", help: "gid://shopify/Product/…" },
  { key: "variantIds", label: "Variant ids", help: "gid://shopify/ProductVariant/…" },
];

/**
 * Product rules: what they match (any listed tag, collection, type, vendor, product or variant) and what they do.
 * Flags add up across matching rules; a window or restocking fee comes from the first matching rule, so order matters.
 */
export function ProductRulesCard({ editor }: { editor: PolicyEditor }) {
  const { policy, set, error } = editor;
  const rules = policy.rules;
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            Product rules
          </Text>
          <Button onClick={() => set(["rules"], [...rules, newRule(rules)])}>Add rule</Button>
        </InlineStack>
        <Text as="p" tone="subdued">
          Lists are comma-separated; a product matches when any listed value matches. Windows and restocking fees come from the first matching rule.
        </Text>
        {rules.length === 0 ? <Text as="p">No product rules: every product follows the settings above.</Text> : null}
        {rules.map((rule, index) => {
          const path = ["rules", index] as const;
          return (
            <BlockStack key={rule.id} gap="200">
              {index > 0 ? <Divider /> : null}
              <InlineStack gap="200" blockAlign="end" wrap={false}>
                <TextField label="Name" autoComplete="off" value={rule.label} onChange={(text) => set([...path, "label"], text)} error={error([...path, "label"])} />
                <Button disabled={index === 0} onClick={() => set(["rules"], move(rules, index, -1))} accessibilityLabel={`Move ${rule.label} up`}>
                  ↑
                </Button>
                <Button disabled={index === rules.length - 1} onClick={() => set(["rules"], move(rules, index, 1))} accessibilityLabel={`Move ${rule.label} down`}>
                  ↓
                </Button>
                <Button tone="critical" onClick={() => set(["rules"], rules.filter((_, other) => other !== index))}>
                  Remove
                </Button>
              </InlineStack>
              {MATCH_FIELDS.map((field) => (
                <TextField
                  key={field.key}
                  label={field.label}
                  helpText={field.help}
                  autoComplete="off"
                  value={listText(rule.match[field.key])}
                  onChange={(text) => set([...path, "match", field.key], listFrom(text))}
                  error={error([...path, "match", field.key]) ?? (field.key === "tags" ? error([...path, "match"]) : undefined)}
                />
              ))}
              {rule.effects.map((effect, effectIndex) => (
                <EffectRow
                  key={`${rule.id}-${effectIndex}`}
                  effect={effect}
                  error={(tail) => error([...path, "effects", effectIndex, ...tail])}
                  onChange={(next) => set([...path, "effects", effectIndex], next)}
                  onRemove={rule.effects.length > 1 ? () => set([...path, "effects"], rule.effects.filter((_, other) => other !== effectIndex)) : undefined}
                />
              ))}
              <InlineStack>
                <Button variant="plain" onClick={() => set([...path, "effects"], [...rule.effects, { type: "final_sale" }])}>
                  Add effect
                </Button>
              </InlineStack>
            </BlockStack>
          );
        })}
      </BlockStack>
    </Card>
  );
}

function EffectRow({
  effect,
  error,
  onChange,
  onRemove,
}: {
  effect: RuleEffect;
  error: (tail: (string | number)[]) => string | undefined;
  onChange: (effect: RuleEffect) => void;
  onRemove?: () => void;
}) {
  return (
    <InlineStack gap="200" blockAlign="end" wrap={false}>
      <Select
        label="Effect"
        options={EFFECTS.map(({ value, label }) => ({ value, label }))}
        value={effect.type}
        onChange={(value) => onChange(EFFECTS.find((candidate) => candidate.value === value)!.make())}
      />
      {effect.type === "window_days" ? (
        <TextField label="Days" type="number" autoComplete="off" value={numberText(effect.days)} onChange={(text) => onChange({ ...effect, days: numberFrom(text) })} error={error(["days"])} />
      ) : null}
      {effect.type === "restocking_fee" && effect.fee.type === "percent" ? (
        <TextField
          label="Percent"
          type="number"
          autoComplete="off"
          value={numberText(effect.fee.percent)}
          onChange={(text) => onChange({ ...effect, fee: { type: "percent", percent: numberFrom(text) } })}
          error={error(["fee", "percent"])}
        />
      ) : null}
      {effect.type === "handling_fee" ? (
        <TextField label="Amount" autoComplete="off" value={effect.amount} onChange={(text) => onChange({ ...effect, amount: text })} error={error(["amount"])} />
      ) : null}
      {onRemove ? (
        <Button variant="plain" tone="critical" onClick={onRemove}>
          Remove effect
        </Button>
      ) : null}
    </InlineStack>
  );
}
