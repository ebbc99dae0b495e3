import { Form, useNavigate, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, IndexTable, InlineStack, Link, Page, Select, Text, TextField, useIndexResourceState } from "@shopify/polaris";
import { useState } from "react";
import { REASONS } from "~/returns/explain";
import type { BulkResult } from "~/returns/bulk-result";
import type { ReturnsMetrics } from "~/returns/metrics";
import { queueSearch } from "~/returns/queue-params";
import type { ReturnQueuePage } from "~/returns/queue-row";
import { RETURN_STATUS_LABELS, RETURN_STATUS_TONES } from "./return-labels";
import { ReturnsNumbers } from "./ReturnsNumbers";

export type ReturnsQueueResult = { ok: true; results: BulkResult[] } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

interface Props {
  page: ReturnQueuePage;
  /** null when the URL's parameters were invalid. */
  metrics: ReturnsMetrics | null;
  filters: Record<string, string>;
  filterError: { message: string; fieldErrors: Record<string, string[]> } | null;
  result?: ReturnsQueueResult;
}

const option = (label: string, value: string) => ({ label, value });
const STATUS_OPTIONS = [option("Any status", ""), ...Object.entries(RETURN_STATUS_LABELS).map(([value, label]) => option(label, value))];
const OUTCOME_OPTIONS = [option("Any outcome", ""), option("Refund", "refund"), option("Store credit", "store_credit"), option("Exchange", "exchange")];
const REASON_OPTIONS = [option("Any reason", ""), ...Object.entries(REASONS).map(([value, label]) => option(label, value))];
export const DECLINE_REASON_OPTIONS = [option("Return period ended", "RETURN_PERIOD_ENDED"), option("Final sale", "FINAL_SALE"), option("Other", "OTHER")];

/** The returns page: the period's numbers, then the queue (filters, pages, approve / decline the selected returns). */
export function ReturnsQueuePage({ page, metrics, filters, filterError, result }: Props) {
  const { rows, pageInfo } = page;
  const submit = useSubmit();
  const navigate = useNavigate();
  const go = (search: string) => navigate(`/app/returns${search}`);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(rows.map((row) => ({ id: row.id })));
  const [declineReason, setDeclineReason] = useState("RETURN_PERIOD_ENDED");
  const [declineNote, setDeclineNote] = useState("");
  const selected = allResourcesSelected ? rows.map((row) => row.id) : selectedResources;
  const send = (body: Record<string, unknown>) => {
    submit(JSON.stringify(body), { method: "post", encType: "application/json" });
    clearSelection();
  };
  return (
    <Page title="Returns" secondaryActions={[{ content: "Return policy", url: "/app/returns/settings" }]}>
      <BlockStack gap="400">
        {filterError && <ErrorBanner {...filterError} />}
        {result?.ok === false && <ErrorBanner message={result.message} fieldErrors={result.fieldErrors} />}
        {result?.ok === true && (
          <Banner tone={result.results.every((item) => item.ok) ? "success" : "warning"} title={`${result.results.filter((item) => item.ok).length} of ${result.results.length} done`}>
            {result.results
              .filter((item) => !item.ok)
              .map((item) => (
                <p key={item.id}>{item.error}</p>
              ))}
          </Banner>
        )}
        {metrics && <ReturnsNumbers metrics={metrics} onPeriodChange={(period) => go(queueSearch({ ...filters, period }, { after: filters.after, before: filters.before }))} />}
        <Card>
          <Form method="get">
            {filters.period && <input type="hidden" name="period" value={filters.period} />}
            <InlineStack gap="300" blockAlign="end">
              <FilterSelect label="Status" name="status" options={STATUS_OPTIONS} value={filters.status} />
              <FilterSelect label="Outcome" name="outcome" options={OUTCOME_OPTIONS} value={filters.outcome} />
              <FilterSelect label="Reason" name="reason" options={REASON_OPTIONS} value={filters.reason} />
              <DateField label="From" name="from" value={filters.from} />
              <DateField label="To" name="to" value={filters.to} />
              <Button submit>Filter</Button>
            </InlineStack>
          </Form>
        </Card>
        <Card>
          <InlineStack gap="300" blockAlign="end">
            <Select label="Decline reason" options={DECLINE_REASON_OPTIONS} value={declineReason} onChange={setDeclineReason} />
            <TextField label="Note to the customer" value={declineNote} onChange={setDeclineNote} autoComplete="off" />
          </InlineStack>
        </Card>
        <Card padding="0">
          <IndexTable
            resourceName={{ singular: "return", plural: "returns" }}
            itemCount={rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            promotedBulkActions={[
              { content: "Approve", onAction: () => send({ intent: "approve", ids: selected }) },
              { content: "Decline", onAction: () => send({ intent: "decline", ids: selected, reason: declineReason, note: declineNote }) },
            ]}
            headings={[{ title: "Return" }, { title: "Order" }, { title: "Status" }, { title: "Outcome" }, { title: "Reasons" }, { title: "Items" }, { title: "Value" }, { title: "Requested" }]}
            pagination={{
              hasPrevious: pageInfo.hasPreviousPage,
              hasNext: pageInfo.hasNextPage,
              onPrevious: () => go(queueSearch(filters, { before: pageInfo.startCursor })),
              onNext: () => go(queueSearch(filters, { after: pageInfo.endCursor })),
            }}
          >
            {rows.map((row, index) => (
              <IndexTable.Row id={row.id} key={row.id} position={index} selected={selected.includes(row.id)}>
                <IndexTable.Cell>
                  <Link url={`/app/returns/${row.id}`} dataPrimaryLink removeUnderline>
                    <Text as="span" fontWeight="semibold">
                      {row.name ?? "Return"}
                    </Text>
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.orderName ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={RETURN_STATUS_TONES[row.status]}>{RETURN_STATUS_LABELS[row.status]}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.outcome.replace("_", " ")}</IndexTable.Cell>
                <IndexTable.Cell>{row.reasons.map((reason) => REASONS[reason as keyof typeof REASONS] ?? reason).join(", ")}</IndexTable.Cell>
                <IndexTable.Cell>{row.items}</IndexTable.Cell>
                <IndexTable.Cell>{`${row.itemsValue} ${row.currency}`}</IndexTable.Cell>
                <IndexTable.Cell>{row.requestedAt.slice(0, 16).replace("T", " ")}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
    </Page>
  );
}

function FilterSelect({ label, name, options, value }: { label: string; name: string; options: { label: string; value: string }[]; value?: string }) {
  const [current, setCurrent] = useState(value ?? "");
  return <Select label={label} name={name} options={options} value={current} onChange={setCurrent} />;
}

function DateField({ label, name, value }: { label: string; name: string; value?: string }) {
  const [current, setCurrent] = useState(value ?? "");
  return <TextField label={label} name={name} type="date" value={current} onChange={setCurrent} autoComplete="off" />;
}

export function ErrorBanner({ message, fieldErrors }: { message: string; fieldErrors: Record<string, string[]> }) {
  return (
    <Banner tone="critical" title={message}>
      {Object.entries(fieldErrors).map(([field, messages]) => (
        <p key={field}>{`${field}: ${messages.join(", ")}`}</p>
      ))}
    </Banner>
  );
}
