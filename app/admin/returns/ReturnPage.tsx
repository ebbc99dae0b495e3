import { useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, DataTable, InlineStack, Layout, List, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { REASONS } from "~/returns/explain";
import type { LabelSettingsView } from "~/returns/labels/label-settings";
import type { ReturnPageData } from "~/returns/return-page";
import { RETURN_STATUS_LABELS, RETURN_STATUS_TONES } from "./return-labels";
import { DECLINE_REASON_OPTIONS, ErrorBanner } from "./ReturnsQueuePage";

export type ReturnActionResult = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/** One return: status and actions, items with the decision's explanations, totals, label, timeline. */
export function ReturnPage({ page, result, labels }: { page: ReturnPageData; result?: ReturnActionResult; labels?: LabelSettingsView }) {
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  const send = (body: Record<string, unknown>) => submit(JSON.stringify(body), { method: "post", encType: "application/json" });
  const { summary, totals } = page;
  const can = (action: string) => page.actions.includes(action);
  return (
    <Page
      title={summary.name ?? "Return"}
      subtitle={`Order ${page.orderName ?? page.orderId} · requested ${summary.createdAt.slice(0, 16).replace("T", " ")}`}
      titleMetadata={<Badge tone={RETURN_STATUS_TONES[summary.status]}>{RETURN_STATUS_LABELS[summary.status]}</Badge>}
      backAction={{ content: "Returns", url: "/app/returns" }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.ok === false && <ErrorBanner message={result.message} fieldErrors={result.fieldErrors} />}
            {result?.ok === true && <Banner tone="success" title="Done" />}
            {page.decline && <Banner tone="critical" title={`Declined: ${page.decline.reason ?? "no reason"}`}>{page.decline.note}</Banner>}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Items
                </Text>
                <DataTable
                  columnContentTypes={["text", "numeric", "text", "numeric", "text"]}
                  headings={["Item", "Qty", "Reason", "Value", "Why"]}
                  rows={page.items.map((item) => [
                    item.title ?? item.lineItemId,
                    item.quantity,
                    REASONS[item.reason as keyof typeof REASONS] ?? item.reason,
                    `${item.value} ${totals.currency}`,
                    item.explanations.join(" "),
                  ])}
                />
                {summary.photos.length > 0 && <Text as="p">{`${summary.photos.length} photo(s) attached`}</Text>}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Decision
                </Text>
                <List>
                  {page.explanations.map((text) => (
                    <List.Item key={text}>{text}</List.Item>
                  ))}
                </List>
                <DataTable
                  columnContentTypes={["text", "numeric"]}
                  headings={["", totals.currency]}
                  rows={[
                    ["Items", totals.itemsValue.amount],
                    ["Fees", totals.fees.amount],
                    ["Refund", totals.refund.amount],
                    ["Store credit (incl. bonus)", totals.storeCredit.amount],
                    ["Bonus", totals.bonusCredit.amount],
                    ["Exchange items", totals.exchangeValue.amount],
                    ["Customer pays", totals.amountDue.amount],
                  ]}
                />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Timeline
                </Text>
                {summary.timeline.map((event) => (
                  <InlineStack key={`${event.at}-${event.kind}`} gap="300">
                    <Text as="span" tone="subdued">
                      {event.at.slice(0, 16).replace("T", " ")}
                    </Text>
                    <Text as="span">{event.text}</Text>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Actions
                </Text>
                {can("approve") && (
                  <Button variant="primary" loading={busy} onClick={() => send({ intent: "approve" })}>
                    Approve
                  </Button>
                )}
                {can("decline") && <DeclineForm busy={busy} onDecline={(reason, note) => send({ intent: "decline", reason, note })} />}
                {can("receive") && (
                  <Button loading={busy} onClick={() => send({ intent: "receive" })}>
                    Mark received
                  </Button>
                )}
                {can("process") && (
                  <Button loading={busy} onClick={() => send({ intent: "process" })}>
                    Process refund / exchange
                  </Button>
                )}
                {can("close") && (
                  <Button loading={busy} onClick={() => send({ intent: "close" })}>
                    Close
                  </Button>
                )}
                {page.actions.length === 0 && <Text as="p">Nothing left to do.</Text>}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Label
                </Text>
                {summary.label ? (
                  <BlockStack gap="100">
                    {summary.label.url && (
                      <a href={summary.label.url} target="_blank" rel="noreferrer">
                        Open label
                      </a>
                    )}
                    <Text as="p">{[summary.label.carrier, summary.label.trackingNumber].filter(Boolean).join(" · ") || "No tracking number"}</Text>
                  </BlockStack>
                ) : (
                  <Text as="p">No label yet.</Text>
                )}
                {can("label") && labels?.provider === "easypost" && <BuyLabelForm busy={busy} onBuy={(weightOz) => send({ intent: "buy_label", weightOz })} />}
                {can("label") && <LabelForm busy={busy} onAttach={(label) => send({ intent: "label", ...label })} />}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function DeclineForm({ busy, onDecline }: { busy: boolean; onDecline: (reason: string, note: string) => void }) {
  const [reason, setReason] = useState("RETURN_PERIOD_ENDED");
  const [note, setNote] = useState("");
  return (
    <BlockStack gap="200">
      <Select label="Decline reason" options={DECLINE_REASON_OPTIONS} value={reason} onChange={setReason} />
      <TextField label="Note to the customer" value={note} onChange={setNote} autoComplete="off" multiline={2} />
      <Button tone="critical" loading={busy} onClick={() => onDecline(reason, note)}>
        Decline
      </Button>
    </BlockStack>
  );
}

function BuyLabelForm({ busy, onBuy }: { busy: boolean; onBuy: (weightOz: string) => void }) {
  const [weightOz, setWeightOz] = useState("16");
  return (
    <BlockStack gap="200">
      <TextField label="Parcel weight (oz)" type="number" value={weightOz} onChange={setWeightOz} autoComplete="off" />
      <Button variant="primary" loading={busy} onClick={() => onBuy(weightOz)}>
        Buy label with EasyPost
      </Button>
    </BlockStack>
  );
}

function LabelForm({ busy, onAttach }: { busy: boolean; onAttach: (label: { labelUrl: string; trackingNumber: string; carrier: string }) => void }) {
  const [labelUrl, setLabelUrl] = useState("");
  const [trackingNumber, setTrackingNumber] = useState("");
  const [carrier, setCarrier] = useState("");
  return (
    <BlockStack gap="200">
      <TextField label="Label or prepaid QR code URL (https)" value={labelUrl} onChange={setLabelUrl} autoComplete="off" />
      <TextField label="Tracking number" value={trackingNumber} onChange={setTrackingNumber} autoComplete="off" />
      <TextField label="Carrier" value={carrier} onChange={setCarrier} autoComplete="off" />
      <Button loading={busy} onClick={() => onAttach({ labelUrl, trackingNumber, carrier })}>
        Attach label
      </Button>
    </BlockStack>
  );
}
