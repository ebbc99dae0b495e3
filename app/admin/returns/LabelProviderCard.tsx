import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, ChoiceList, InlineStack, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import type { LabelProviderName, LabelSettingsView } from "~/returns/labels/label-settings";
import type { SettingsActionResult } from "./settings-result";

/** How return labels are made: EasyPost with the merchant's API key (never shown again), or the merchant's own upload. */
export function LabelProviderCard({ saved }: { saved: LabelSettingsView }) {
  const fetcher = useFetcher<SettingsActionResult>();
  const answer = fetcher.data;
  const labels = answer?.ok && answer.intent === "labels" ? answer.labels : saved;
  const [provider, setProvider] = useState<LabelProviderName>(saved.provider);
  const [apiKey, setApiKey] = useState("");
  const busy = fetcher.state !== "idle";
  const keyError = answer && !answer.ok ? answer.fieldErrors.apiKey?.join("; ") : undefined;
  useEffect(() => {
    if (answer?.ok) setApiKey("");
  }, [answer]);
  const send = (body: Record<string, unknown>) => fetcher.submit(JSON.stringify(body), { method: "post", encType: "application/json" });
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Return labels
        </Text>
        {answer?.ok === true ? <Banner tone="success" title="Label settings saved" /> : null}
        {answer && !answer.ok && !keyError ? <Banner tone="critical" title={answer.message} /> : null}
        <ChoiceList
          title="How labels are made"
          choices={[
            { label: "Buy labels with EasyPost", value: "easypost" },
            { label: "Upload my own label or prepaid QR code", value: "uploaded" },
          ]}
          selected={[provider]}
          onChange={([value]) => setProvider((value as LabelProviderName | undefined) ?? "uploaded")}
        />
        {provider === "easypost" ? (
          <BlockStack gap="200">
            <Text as="p" tone="subdued">
              {labels.apiKey.set
                ? `API key set, ends in ${labels.apiKey.endsIn ?? "…"}`
                : labels.apiKey.unreadable
                  ? "The stored API key can no longer be read: enter it again."
                  : labels.fallbackKey
                    ? "No key of your own: the app's EasyPost account is used."
                    : "No API key yet."}
            </Text>
            <TextField
              label={labels.apiKey.set ? "Replace the EasyPost API key" : "EasyPost API key"}
              type="password"
              value={apiKey}
              onChange={setApiKey}
              autoComplete="off"
              error={keyError}
              helpText="Checked with EasyPost when you save; stored encrypted and never shown again."
            />
          </BlockStack>
        ) : null}
        <InlineStack gap="200">
          <Button variant="primary" loading={busy} onClick={() => send({ intent: "labels", labels: { provider, apiKey } })}>
            Save label settings
          </Button>
          {labels.apiKey.set ? (
            <Button tone="critical" disabled={busy} onClick={() => send({ intent: "forget_label_key" })}>
              Remove key
            </Button>
          ) : null}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
