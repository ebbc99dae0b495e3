import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Card, Layout, List, Page, Text } from "@shopify/polaris";
import { useCallback, useMemo, useState } from "react";
import type { ReturnPolicy } from "~/returns/policy-schema";
import { FeesAndMethodsCard, OutcomesCard, WindowCard } from "./GeneralCards";
import type { LabelSettingsView } from "~/returns/labels/label-settings";
import { KeepItAndApprovalCard } from "./KeepItAndApprovalCard";
import { LabelProviderCard } from "./LabelProviderCard";
import { policyError, setIn, type PolicyEditor, type PolicyPath } from "./policy-editing";
import { ProductRulesCard } from "./ProductRulesCard";
import { ReasonRulesCard } from "./ReasonRulesCard";
import type { SettingsActionResult } from "./settings-result";
import { SimulatorCard, type OrderChoice } from "./SimulatorCard";

interface Props {
  policy: ReturnPolicy;
  versions: { version: number; current: boolean; createdAt: Date }[];
  orderQuery: string;
  orders: OrderChoice[];
  labels: LabelSettingsView;
  result?: SettingsActionResult;
}

/** The return policy editor: window, outcomes, fees, methods, reasons, product rules, keep-it, auto-approval, the simulator and labels. */
export function ReturnSettingsPage({ policy: saved, versions, orderQuery, orders, labels }: Props) {
  const [policy, setPolicy] = useState<ReturnPolicy>(saved);
  const save = useFetcher<SettingsActionResult>();
  const answer = save.data;
  const fieldErrors = answer && !answer.ok ? answer.fieldErrors : undefined;
  const set = useCallback((path: PolicyPath, value: unknown) => setPolicy((current) => setIn(current, path, value)), []);
  const editor: PolicyEditor = useMemo(() => ({ policy, set, error: (path) => policyError(fieldErrors, path) }), [policy, set, fieldErrors]);
  const current = versions.find((version) => version.current);
  return (
    <Page
      title="Return policy"
      subtitle={current ? `Version ${current.version}, saved ${new Date(current.createdAt).toLocaleString()}` : "Not saved yet: the defaults apply"}
      primaryAction={{
        content: "Save",
        loading: save.state !== "idle",
        onAction: () => save.submit({ intent: "save", policy }, { method: "post", encType: "application/json" }),
      }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {answer?.ok === true && answer.intent === "save" ? <Banner tone="success" title="Return policy saved" /> : null}
            {answer?.ok === false ? (
              <Banner tone="critical" title={answer.message}>
                Fix the highlighted fields; nothing was saved.
                <List>
                  {Object.entries(answer.fieldErrors).map(([path, messages]) => (
                    <List.Item key={path}>
                      {path}: {messages.join("; ")}
                    </List.Item>
                  ))}
                </List>
              </Banner>
            ) : null}
            <WindowCard editor={editor} />
            <OutcomesCard editor={editor} />
            <FeesAndMethodsCard editor={editor} />
            <ReasonRulesCard editor={editor} />
            <ProductRulesCard editor={editor} />
            <KeepItAndApprovalCard editor={editor} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <SimulatorCard policy={policy} orderQuery={orderQuery} orders={orders} />
            <LabelProviderCard saved={labels} />
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  History
                </Text>
                {versions.length === 0 ? <Text as="p">No saved versions yet.</Text> : null}
                <List>
                  {versions.map((version) => (
                    <List.Item key={version.version}>
                      Version {version.version} — {new Date(version.createdAt).toLocaleString()}
                      {version.current ? " (current)" : ""}
                    </List.Item>
                  ))}
                </List>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
