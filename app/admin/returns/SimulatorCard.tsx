import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, List, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { OUTCOMES, RETURN_METHODS, RETURN_REASONS, type Outcome, type ReturnMethod, type ReturnPolicy, type ReturnReason } from "~/returns/policy-schema";
import type { SimulationResult } from "~/returns/simulation";
import { METHOD_LABELS, OUTCOME_LABELS } from "./GeneralCards";
import { REASON_LABELS } from "./ReasonRulesCard";
import type { SettingsActionResult } from "./settings-result";

export interface OrderChoice {
  id: string;
  name: string;
  processedAt: Date;
}

interface ItemChoice {
  quantity: string;
  reason: ReturnReason;
  note: string;
  photoCount: string;
}

/**
 * "Test this order": pick one of the shop's orders, items, reasons and an outcome, and see what the engine
 * decides under the policy being edited — before it is saved.
 */
export function SimulatorCard({ policy, orderQuery, orders }: { policy: ReturnPolicy; orderQuery: string; orders: OrderChoice[] }) {
  const search = useFetcher<{ orders: OrderChoice[] }>();
  const simulation = useFetcher<SettingsActionResult>();
  const [query, setQuery] = useState(orderQuery);
  const [orderId, setOrderId] = useState<string | null>(null);
  const [items, setItems] = useState<Record<string, ItemChoice>>({});
  const [outcome, setOutcome] = useState<Outcome>("refund");
  const [method, setMethod] = useState<ReturnMethod>("mail_label");
  const found = search.data?.orders ?? orders;
  const answer = simulation.data;
  const result: SimulationResult | null = answer?.intent === "simulate" ? answer.simulation : null;

  const run = (chosenOrderId: string, withRequest: boolean) =>
    simulation.submit(
      {
        intent: "simulate",
        simulation: {
          policy,
          orderId: chosenOrderId,
          request: withRequest
            ? {
                items: Object.entries(items).map(([lineItemId, item]) => ({
                  lineItemId,
                  quantity: Number(item.quantity || 0),
                  reason: item.reason,
                  note: item.note,
                  photoCount: Number(item.photoCount || 0),
                })),
                outcome,
                method,
              }
            : null,
        },
      },
      { method: "post", encType: "application/json" },
    );

  const itemOf = (lineItemId: string): ItemChoice => items[lineItemId] ?? { quantity: "0", reason: "size_too_large", note: "", photoCount: "0" };
  const setItem = (lineItemId: string, patch: Partial<ItemChoice>) => setItems((current) => ({ ...current, [lineItemId]: { ...itemOf(lineItemId), ...patch } }));

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          Test this order
        </Text>
        <Text as="p" tone="subdued">
          Uses the policy as edited on this page, saved or not. Nothing is sent to the shopper or Shopify.
        </Text>
        <InlineStack gap="200" blockAlign="end" wrap={false}>
          <TextField label="Order name" autoComplete="off" placeholder="#1001" value={query} onChange={setQuery} />
          <Button onClick={() => search.load(`/app/returns/settings?orderQuery=${encodeURIComponent(query)}`)} loading={search.state === "loading"}>
            Search
          </Button>
        </InlineStack>
        {found.length > 0 ? (
          <InlineStack gap="200">
            {found.map((order) => (
              <Button
                key={order.id}
                pressed={order.id === orderId}
                onClick={() => {
                  setOrderId(order.id);
                  setItems({});
                  run(order.id, false);
                }}
              >
                {order.name}
              </Button>
            ))}
          </InlineStack>
        ) : query && search.state === "idle" && search.data ? (
          <Text as="p">No order matches.</Text>
        ) : null}
        {answer && !answer.ok ? (
          <Banner tone="critical" title={answer.message}>
            <List>
              {Object.entries(answer.fieldErrors).map(([path, messages]) => (
                <List.Item key={path}>
                  {path}: {messages.join("; ")}
                </List.Item>
              ))}
            </List>
          </Banner>
        ) : null}
        {result ? (
          <BlockStack gap="300">
            <Text as="h3" variant="headingSm">
              {result.orderName}
            </Text>
            {result.lines.map((line) => {
              const item = itemOf(line.lineItemId);
              return (
                <BlockStack key={line.lineItemId} gap="100">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="span" fontWeight="semibold">
                      {line.title}
                    </Text>
                    <Badge tone={line.status === "eligible" ? "success" : "critical"}>{line.status.replaceAll("_", " ")}</Badge>
                  </InlineStack>
                  {line.explanations.map((text) => (
                    <Text as="p" tone="subdued" key={text}>
                      {text}
                    </Text>
                  ))}
                  <InlineStack gap="200" wrap={false}>
                    <TextField label="Quantity" type="number" autoComplete="off" value={item.quantity} onChange={(value) => setItem(line.lineItemId, { quantity: value })} />
                    <Select
                      label="Reason"
                      options={RETURN_REASONS.map((reason) => ({ value: reason, label: REASON_LABELS[reason] }))}
                      value={item.reason}
                      onChange={(value) => setItem(line.lineItemId, { reason: value as ReturnReason })}
                    />
                    <TextField label="Photos" type="number" autoComplete="off" value={item.photoCount} onChange={(value) => setItem(line.lineItemId, { photoCount: value })} />
                    <TextField label="Note" autoComplete="off" value={item.note} onChange={(value) => setItem(line.lineItemId, { note: value })} />
                  </InlineStack>
                </BlockStack>
              );
            })}
            <InlineStack gap="200" blockAlign="end" wrap={false}>
              <Select label="Outcome" options={OUTCOMES.map((value) => ({ value, label: OUTCOME_LABELS[value] }))} value={outcome} onChange={(value) => setOutcome(value as Outcome)} />
              <Select label="Method" options={RETURN_METHODS.map((value) => ({ value, label: METHOD_LABELS[value] }))} value={method} onChange={(value) => setMethod(value as ReturnMethod)} />
              <Button variant="primary" onClick={() => run(result.orderId, true)} loading={simulation.state !== "idle"}>
                Run
              </Button>
            </InlineStack>
            {result.decision ? <DecisionView decision={result.decision} currency={result.currency} /> : null}
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function DecisionView({ decision, currency }: { decision: NonNullable<SimulationResult["decision"]>; currency: string }) {
  const money = (amount: string) => new Intl.NumberFormat("en", { style: "currency", currency }).format(amount as Intl.StringNumericLiteral);
  const { totals } = decision;
  return (
    <BlockStack gap="200">
      <Banner tone={decision.submittable ? "success" : "warning"} title={decision.submittable ? (decision.autoApprove ? "Submittable, approved automatically" : "Submittable, needs review") : "Not submittable"}>
        {decision.approval ? <p>{decision.approval}</p> : null}
        {decision.problems.length > 0 ? (
          <List>
            {decision.problems.map((text) => (
              <List.Item key={text}>{text}</List.Item>
            ))}
          </List>
        ) : null}
      </Banner>
      {decision.items.map((item) => (
        <BlockStack key={item.lineItemId} gap="050">
          <Text as="p" fontWeight="semibold">
            {item.title} × {item.quantity} — {item.status.replaceAll("_", " ")}
            {item.keepIt ? " (keep it)" : ""}, worth {money(item.value)}
          </Text>
          <List>
            {item.explanations.map((text) => (
              <List.Item key={text}>{text}</List.Item>
            ))}
          </List>
        </BlockStack>
      ))}
      {decision.fees.length > 0 ? (
        <BlockStack gap="050">
          <Text as="h4" variant="headingSm">
            Fees
          </Text>
          <List>
            {decision.fees.flatMap((fee) => fee.explanations).map((text) => (
              <List.Item key={text}>{text}</List.Item>
            ))}
          </List>
        </BlockStack>
      ) : null}
      <Text as="p">
        Items {money(totals.itemsValue.amount)} · fees {money(totals.fees.amount)} · refund {money(totals.refund.amount)} · store credit {money(totals.storeCredit.amount)} (bonus{" "}
        {money(totals.bonusCredit.amount)}) · exchange {money(totals.exchangeValue.amount)} · shopper pays {money(totals.amountDue.amount)}
      </Text>
      {decision.allowedOutcomes.length > 0 ? (
        <Text as="p" tone="subdued">
          Allowed outcomes: {decision.allowedOutcomes.map((offer) => `${OUTCOME_LABELS[offer.outcome as Outcome]}${offer.bonusPercent ? ` (+${offer.bonusPercent}% = ${money(offer.bonus)})` : ""}`).join(", ")}
        </Text>
      ) : null}
      {decision.notes.map((text) => (
        <Text as="p" tone="subdued" key={text}>
          {text}
        </Text>
      ))}
    </BlockStack>
  );
}
