import { useFetcher, useNavigation, useSubmit } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { TRIGGER_LABELS } from "~/notifications/admin/labels";
import { CHANNELS } from "~/notifications/channels";
import { MESSAGE_LOCALES } from "~/notifications/messages";
import { TRIGGERS } from "~/notifications/milestones";
import type { TemplateKey } from "~/notifications/templates/check";
import type { TemplateEditorState, TemplatePreview } from "~/notifications/templates/editor";
import type { TemplateField } from "~/notifications/templates/fields";
import { fieldError } from "./field-errors";
import { NotificationsTabs } from "./NotificationsTabs";

type Loaded =
  | { ok: true; state: TemplateEditorState }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };
export type TemplateActionResult =
  | { ok: true; intent: "save" | "reset" }
  | { ok: true; intent: "preview"; preview: TemplatePreview }
  | { ok: true; intent: "send-test"; to: string }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

const LOCALE_LABELS = { en: "English", de: "Deutsch", fr: "Français", es: "Español" } as const;
const FIELD_LABELS: Record<TemplateField, string> = { subject: "Subject", heading: "Heading", intro: "Message", sms: "Text message" };
const PREVIEW_DELAY_MS = 400;

/** Edit a trigger's copy per channel and language, with a live preview on the latest order, a test send and a reset. */
export function TemplateEditorPage({ loaded, result }: { loaded: Loaded; result?: TemplateActionResult }) {
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  const previewer = useFetcher<TemplateActionResult>();
  const state = loaded.ok ? loaded.state : null;
  const key: TemplateKey = state?.key ?? { trigger: TRIGGERS[0], channel: "email", locale: MESSAGE_LOCALES[0] };
  const [draft, setDraft] = useState<Partial<Record<TemplateField, string>>>(() => ({ ...state?.saved }));
  const [to, setTo] = useState("");
  useEffect(() => setDraft({ ...state?.saved }), [state?.key.trigger, state?.key.channel, state?.key.locale, state?.saved]);
  useEffect(() => {
    if (!state) return;
    const timer = setTimeout(() => previewer.submit({ ...key, ...draft, intent: "preview" }, { method: "post" }), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // The preview follows the draft alone: re-running on every fetcher change would loop.
  }, [draft]);

  const choose = (patch: Partial<TemplateKey>) => submit({ ...key, ...patch }, { method: "get", replace: true });
  const send = (intent: string, extra: Record<string, string> = {}) => submit({ ...key, ...draft, intent, ...extra }, { method: "post" });
  const live = previewer.data?.ok && previewer.data.intent === "preview" ? previewer.data.preview : state?.preview;
  const errors = {
    ...(result && !result.ok ? result.fieldErrors : {}),
    ...(previewer.data && !previewer.data.ok ? previewer.data.fieldErrors : {}),
  };

  return (
    <Page title="Templates" backAction={{ url: "/app/notifications" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <NotificationsTabs />
            {!loaded.ok && <Banner tone="critical" title={loaded.message} />}
            {result?.ok === true && result.intent === "save" && <Banner tone="success" title="Template saved" />}
            {result?.ok === true && result.intent === "reset" && <Banner tone="success" title="Back to the built-in copy" />}
            {result?.ok === true && result.intent === "send-test" && <Banner tone="success" title={`Test email sent to ${result.to}`} />}
            {result?.ok === false && <Banner tone="critical" title={result.message}>Nothing was saved.</Banner>}
            <Card>
              <InlineGrid columns={3} gap="300">
                <Select
                  label="Trigger"
                  options={TRIGGERS.map((value) => ({ label: TRIGGER_LABELS[value], value }))}
                  value={key.trigger}
                  onChange={(trigger) => choose({ trigger: trigger as TemplateKey["trigger"] })}
                />
                <Select
                  label="Channel"
                  options={CHANNELS.map((value) => ({ label: value === "sms" ? "SMS" : "Email", value }))}
                  value={key.channel}
                  onChange={(channel) => choose({ channel: channel as TemplateKey["channel"] })}
                />
                <Select
                  label="Language"
                  options={MESSAGE_LOCALES.map((value) => ({ label: LOCALE_LABELS[value], value }))}
                  value={key.locale}
                  onChange={(locale) => choose({ locale: locale as TemplateKey["locale"] })}
                />
              </InlineGrid>
            </Card>
            {state && (
              <Card>
                <BlockStack gap="300">
                  <Text as="p" tone="subdued">
                    ICU MessageFormat. Placeholders: {state.placeholders.map((name) => `{${name}}`).join(" ")}. Leave a field empty to use the built-in copy shown as its placeholder.
                  </Text>
                  {state.fields.map((field) => (
                    <TextField
                      key={field}
                      label={FIELD_LABELS[field]}
                      autoComplete="off"
                      multiline={field === "intro" || field === "sms" ? 4 : undefined}
                      monospaced
                      value={draft[field] ?? ""}
                      placeholder={state.defaults[field]}
                      onChange={(value) => setDraft((current) => ({ ...current, [field]: value }))}
                      error={fieldError(errors, field)}
                    />
                  ))}
                  <InlineStack gap="200">
                    <Button variant="primary" loading={busy} onClick={() => send("save")}>Save</Button>
                    <Button tone="critical" onClick={() => send("reset")}>Reset to default</Button>
                  </InlineStack>
                  {key.channel === "email" && (
                    <InlineStack gap="200" blockAlign="end">
                      <TextField label="Send a test to" type="email" autoComplete="email" value={to} onChange={setTo} error={fieldError(errors, "to")} />
                      <Button onClick={() => send("send-test", { to })}>Send test</Button>
                    </InlineStack>
                  )}
                </BlockStack>
              </Card>
            )}
            {live && (
              <Card>
                <BlockStack gap="200">
                  <Text as="p" tone="subdued">
                    {live.orderName ? `Preview for order ${live.orderName}.` : "Preview for a sample order: your store has no orders yet."}
                  </Text>
                  {live.channel === "email" ? (
                    <>
                      <Text as="h2" variant="headingMd">{live.subject}</Text>
                      <iframe title="Template preview" sandbox="" srcDoc={live.html} style={{ width: "100%", height: 640, border: "1px solid #e3e3e3", borderRadius: 8 }} />
                    </>
                  ) : (
                    <Text as="p">{live.body}</Text>
                  )}
                </BlockStack>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
