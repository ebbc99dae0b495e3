import { BlockStack, Button, Card, ChoiceList, Divider, InlineStack, Text, TextField } from "@shopify/polaris";
import { OUTCOMES, RETURN_REASONS, type Outcome, type ReturnReason } from "~/returns/policy-schema";
import { OUTCOME_LABELS } from "./GeneralCards";
import { amountOrNull, type PolicyEditor } from "./policy-editing";
import { REASON_LABELS } from "./ReasonRulesCard";

const reasonChoices = RETURN_REASONS.map((reason) => ({ value: reason, label: REASON_LABELS[reason] }));

/** Keep-it rules (no shipment back below a value, for some reasons) and auto-approval rules. */
export function KeepItAndApprovalCard({ editor }: { editor: PolicyEditor }) {
  const { policy, set, error } = editor;
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            Keep it
          </Text>
          <Button onClick={() => set(["keepIt"], [...policy.keepIt, { maxUnitValue: "10.00", reasons: [] }])}>Add keep-it rule</Button>
        </InlineStack>
        <Text as="p" tone="subdued">
          The shopper keeps an item worth at most the value (per unit), for the listed reasons (none: any reason).
        </Text>
        {policy.keepIt.map((rule, index) => (
          <BlockStack key={`keep-${index}`} gap="200">
            {index > 0 ? <Divider /> : null}
            <InlineStack gap="200" blockAlign="end" wrap={false}>
              <TextField
                label="Worth at most (empty: any value)"
                autoComplete="off"
                value={rule.maxUnitValue ?? ""}
                onChange={(text) => set(["keepIt", index, "maxUnitValue"], amountOrNull(text))}
                error={error(["keepIt", index, "maxUnitValue"]) ?? error(["keepIt", index])}
              />
              <Button tone="critical" onClick={() => set(["keepIt"], policy.keepIt.filter((_, other) => other !== index))}>
                Remove
              </Button>
            </InlineStack>
            <ChoiceList
              allowMultiple
              title="Reasons"
              choices={reasonChoices}
              selected={rule.reasons}
              onChange={(selected) => set(["keepIt", index, "reasons"], selected as ReturnReason[])}
            />
          </BlockStack>
        ))}
        <Divider />
        <InlineStack align="space-between">
          <Text as="h2" variant="headingMd">
            Auto-approval
          </Text>
          <Button onClick={() => set(["autoApproval"], [...policy.autoApproval, { outcomes: ["exchange"], maxValue: null, reasons: [] }])}>Add approval rule</Button>
        </InlineStack>
        <Text as="p" tone="subdued">
          A request is approved without review when every condition of one rule holds. Without rules, every request waits for you.
        </Text>
        {policy.autoApproval.map((rule, index) => (
          <BlockStack key={`approval-${index}`} gap="200">
            {index > 0 ? <Divider /> : null}
            <InlineStack gap="200" blockAlign="end" wrap={false}>
              <TextField
                label="Items worth at most (empty: any value)"
                autoComplete="off"
                value={rule.maxValue ?? ""}
                onChange={(text) => set(["autoApproval", index, "maxValue"], amountOrNull(text))}
                error={error(["autoApproval", index, "maxValue"]) ?? error(["autoApproval", index])}
              />
              <Button tone="critical" onClick={() => set(["autoApproval"], policy.autoApproval.filter((_, other) => other !== index))}>
                Remove
              </Button>
            </InlineStack>
            <InlineStack gap="800">
              <ChoiceList
                allowMultiple
                title="Outcomes (none: any)"
                choices={OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
                selected={rule.outcomes}
                onChange={(selected) => set(["autoApproval", index, "outcomes"], selected as Outcome[])}
              />
              <ChoiceList
                allowMultiple
                title="Reasons (none: any)"
                choices={reasonChoices}
                selected={rule.reasons}
                onChange={(selected) => set(["autoApproval", index, "reasons"], selected as ReturnReason[])}
              />
            </InlineStack>
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
