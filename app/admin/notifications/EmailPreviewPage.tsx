import { Form, useNavigation, useSubmit } from "@remix-run/react";
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
import { useState } from "react";
import { TRIGGER_LABELS } from "~/notifications/admin/labels";
import type { PreviewQuery } from "~/notifications/admin/preview-input";
import type { EmailPreview } from "~/notifications/admin/preview";
import { MESSAGE_LOCALES } from "~/notifications/messages";
import { TRIGGERS } from "~/notifications/milestones";
import { fieldError } from "./field-errors";
import { NotificationsTabs } from "./NotificationsTabs";

type Loaded =
  | { ok: true; query: PreviewQuery; preview: EmailPreview }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };
export type SendTestResult =
  | { ok: true; to: string }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

const LOCALE_LABELS: Record<(typeof MESSAGE_LOCALES)[number], string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
};

/** A trigger's email in a language, rendered for a real order, with a form to send it as a test. */
export function EmailPreviewPage({
  loaded,
  result,
}: {
  loaded: Loaded;
  result?: SendTestResult;
}) {
  const submit = useSubmit();
  const sending = useNavigation().state === "submitting";
  const [to, setTo] = useState("");
  const query = loaded.ok
    ? loaded.query
    : { trigger: TRIGGERS[0], locale: MESSAGE_LOCALES[0] };
  const choose = (patch: Partial<PreviewQuery>) =>
    submit({ ...query, ...patch }, { method: "get", replace: true });
  return (
    <Page
      title="Email preview"
      subtitle="Emails use your saved templates (Templates tab) or Aftercare's built-in copy, with your branding."
      backAction={{ url: "/app/notifications" }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <NotificationsTabs />
            <InlineGrid columns={2} gap="300">
              <Select
                label="Trigger"
                options={TRIGGERS.map((value) => ({
                  value,
                  label: TRIGGER_LABELS[value],
                }))}
                value={query.trigger}
                onChange={(trigger) =>
                  choose({ trigger: trigger as PreviewQuery["trigger"] })
                }
              />
              <Select
                label="Language"
                options={MESSAGE_LOCALES.map((value) => ({
                  value,
                  label: LOCALE_LABELS[value],
                }))}
                value={query.locale}
                onChange={(locale) =>
                  choose({ locale: locale as PreviewQuery["locale"] })
                }
              />
            </InlineGrid>
            {!loaded.ok && <Banner tone="critical" title={loaded.message} />}
            {loaded.ok && (
              <Card>
                <BlockStack gap="300">
                  <Text as="p" tone="subdued">
                    {loaded.preview.orderName
                      ? `Rendered for your latest order, ${loaded.preview.orderName}.`
                      : "Rendered for a sample order: your store has no orders yet."}
                  </Text>
                  <Text as="h2" variant="headingMd">
                    {loaded.preview.email.subject}
                  </Text>
                  <iframe
                    title="Email preview"
                    sandbox=""
                    srcDoc={loaded.preview.email.html}
                    style={{
                      width: "100%",
                      height: 640,
                      border: "1px solid #e3e3e3",
                      borderRadius: 8,
                    }}
                  />
                  <Text as="h3" variant="headingSm">
                    Plain-text part
                  </Text>
                  <pre style={{ whiteSpace: "pre-wrap", margin: 0 }}>
                    {loaded.preview.email.text}
                  </pre>
                </BlockStack>
              </Card>
            )}
            <Card>
              <Form method="post">
                <input type="hidden" name="trigger" value={query.trigger} />
                <input type="hidden" name="locale" value={query.locale} />
                <BlockStack gap="200">
                  {result?.ok === true && (
                    <Banner
                      tone="success"
                      title={`Test email sent to ${result.to}`}
                    />
                  )}
                  {result?.ok === false &&
                    !fieldError(result.fieldErrors, "to") && (
                      <Banner tone="critical" title={result.message} />
                    )}
                  <InlineStack gap="200" blockAlign="end">
                    <TextField
                      label="Send a test to"
                      type="email"
                      name="to"
                      autoComplete="email"
                      value={to}
                      onChange={setTo}
                      error={
                        result?.ok === false
                          ? fieldError(result.fieldErrors, "to")
                          : undefined
                      }
                    />
                    <Button submit loading={sending}>
                      Send test
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Form>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
