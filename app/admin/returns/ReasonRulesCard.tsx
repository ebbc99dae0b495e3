import { BlockStack, Card, Checkbox, InlineStack, Text, TextField } from "@shopify/polaris";
import { RETURN_REASONS, type ReturnReason } from "~/returns/policy-schema";
import { numberFrom, numberText, type PolicyEditor } from "./policy-editing";

export const REASON_LABELS: Record<ReturnReason, string> = {
  size_too_small: "Too small",
  size_too_large: "Too large",
  unwanted: "Changed my mind",
  not_as_described: "Not as described",
  wrong_item: "Wrong item",
  defective: "Damaged or defective",
  style: "Style",
  color: "Color",
  other: "Other",
};

/** Per reason: offered, photo and note requirements, and whether the merchant pays the fees. */
export function ReasonRulesCard({ editor }: { editor: PolicyEditor }) {
  const { policy, set, error } = editor;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Return reasons
        </Text>
        {RETURN_REASONS.map((reason) => {
          const rule = policy.reasons[reason];
          const path = ["reasons", reason] as const;
          return (
            <BlockStack key={reason} gap="100">
              <InlineStack gap="400" blockAlign="center">
                <Checkbox label={<strong>{REASON_LABELS[reason]}</strong>} checked={rule.offered} onChange={(value) => set([...path, "offered"], value)} />
                <Checkbox label="Photo required" checked={rule.photoRequired} disabled={!rule.offered} onChange={(value) => set([...path, "photoRequired"], value)} />
                <Checkbox label="Note required" checked={rule.noteRequired} disabled={!rule.offered} onChange={(value) => set([...path, "noteRequired"], value)} />
                <Checkbox label="No fees (our fault)" checked={rule.waivesFees} disabled={!rule.offered} onChange={(value) => set([...path, "waivesFees"], value)} />
              </InlineStack>
              {rule.offered && (rule.photoRequired || rule.noteRequired) ? (
                <InlineStack gap="300" wrap={false}>
                  {rule.photoRequired ? (
                    <TextField
                      label="At least … photos"
                      type="number"
                      autoComplete="off"
                      value={numberText(rule.minPhotos)}
                      onChange={(text) => set([...path, "minPhotos"], numberFrom(text))}
                      error={error([...path, "minPhotos"])}
                    />
                  ) : null}
                  {rule.noteRequired ? (
                    <TextField
                      label="Note of at least … characters"
                      type="number"
                      autoComplete="off"
                      value={numberText(rule.minNoteLength)}
                      onChange={(text) => set([...path, "minNoteLength"], numberFrom(text))}
                      error={error([...path, "minNoteLength"])}
                    />
                  ) : null}
                </InlineStack>
              ) : null}
            </BlockStack>
          );
        })}
      </BlockStack>
    </Card>
  );
}
