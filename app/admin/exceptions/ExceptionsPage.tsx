import { useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, DataTable, EmptyState, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { EXCEPTION_ACTION_LABELS } from "~/exceptions/actions/kinds";
import { runNowActions } from "~/exceptions/actions/offered";
import type { ActionOutcome } from "~/exceptions/actions/outcome";
import { EXCEPTION_KIND_LABELS, evidenceLines } from "~/exceptions/labels";
import type { ExceptionsPageData, OpenException } from "~/exceptions/open-exception";
import { ActionSettingsCard } from "./ActionSettingsCard";

export type ExceptionsPageResult = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

interface Props extends ExceptionsPageData {
  result?: ExceptionsPageResult;
}

const OUTCOME_TONES: Record<string, "success" | "critical" | "attention" | "info" | undefined> = {
  succeeded: "success",
  failed: "critical",
  pending: "attention",
  running: "attention",
  cancelled: undefined,
};

/** The open exceptions with each flag's action outcomes and "run now", above the action and digest settings. */
export function ExceptionsPage({ exceptions, settings, result }: Props) {
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  const runNow = (exceptionId: string, action: string) => submit({ intent: "run-action", exceptionId, action }, { method: "post", encType: "application/json" });
  const rows = exceptions.map((exception) => [
    <Badge key="kind" tone={exception.kind === "failed_attempt" || exception.kind === "returned_to_sender" ? "critical" : "warning"}>
      {EXCEPTION_KIND_LABELS[exception.kind]}
    </Badge>,
    exception.orderName ?? exception.orderId,
    exception.trackingNumber ?? "—",
    exception.since.slice(0, 16).replace("T", " "),
    <BlockStack key="evidence" gap="050">
      {evidenceLines(exception.evidence).map((line) => (
        <Text key={line} as="span" variant="bodySm" tone="subdued">
          {line}
        </Text>
      ))}
    </BlockStack>,
    <ActionsCell key="actions" exception={exception} settings={settings} busy={busy} onRun={runNow} />,
  ]);
  return (
    <Page title="Exceptions" subtitle="Parcels and orders that need attention. Updated every 15 minutes.">
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.ok === false && (
              <Banner tone="critical" title={result.message}>
                {Object.entries(result.fieldErrors).map(([field, messages]) => (
                  <p key={field}>{`${field}: ${messages.join(", ")}`}</p>
                ))}
              </Banner>
            )}
            {result?.ok === true && <Banner tone="success" title="Done" />}
            <Card padding="0">
              {rows.length ? (
                <DataTable
                  columnContentTypes={["text", "text", "text", "text", "text", "text"]}
                  headings={["Problem", "Order", "Parcel", "Since (UTC)", "Evidence", "Actions"]}
                  rows={rows}
                />
              ) : (
                <EmptyState heading="No delivery exceptions" image="">
                  <p>Stalled, late, failed and returned parcels, and orders not shipped in time, appear here.</p>
                </EmptyState>
              )}
            </Card>
            <ActionSettingsCard settings={settings} fieldErrors={result?.ok === false ? result.fieldErrors : undefined} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function ActionsCell({
  exception,
  settings,
  busy,
  onRun,
}: {
  exception: OpenException;
  settings: ExceptionsPageData["settings"];
  busy: boolean;
  onRun: (exceptionId: string, action: string) => void;
}) {
  const offered = runNowActions(settings.actions, exception);
  return (
    <BlockStack gap="100">
      {exception.actions.map((outcome) => (
        <OutcomeLine key={outcome.action} outcome={outcome} />
      ))}
      {offered.length > 0 && (
        <InlineStack gap="100">
          {offered.map((action) => (
            <Button key={action} size="slim" disabled={busy} onClick={() => onRun(exception.id, action)}>
              {`Run now: ${EXCEPTION_ACTION_LABELS[action]}`}
            </Button>
          ))}
        </InlineStack>
      )}
    </BlockStack>
  );
}

function OutcomeLine({ outcome }: { outcome: ActionOutcome }) {
  return (
    <BlockStack gap="050">
      <InlineStack gap="100" blockAlign="center">
        <Badge tone={OUTCOME_TONES[outcome.status]}>{outcome.status}</Badge>
        <Text as="span" variant="bodySm">
          {EXCEPTION_ACTION_LABELS[outcome.action]}
          {outcome.result ? ` · ${outcome.result}` : ""}
        </Text>
      </InlineStack>
      {outcome.error && (
        <Text as="span" variant="bodySm" tone="critical">
          {outcome.error}
        </Text>
      )}
    </BlockStack>
  );
}
