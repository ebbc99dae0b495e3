import { BlockStack, Button, Card, Checkbox, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { OUTCOMES, RETURN_METHODS, WINDOW_BASES, type Outcome } from "~/returns/policy-schema";
import { amountOrNull, move, numberFrom, numberText, type PolicyEditor } from "./policy-editing";

export const OUTCOME_LABELS: Record<Outcome, string> = { exchange: "Exchange", store_credit: "Store credit", refund: "Refund to original payment" };
export const METHOD_LABELS = { mail_label: "Prepaid label", drop_off: "Drop-off", in_store: "Return in store" } as const;
const BASIS_LABELS = { delivered: "Delivery", fulfilled: "Fulfillment (shipping)", ordered: "Order date" } as const;

/** Whether returns are on, and the return window. */
export function WindowCard({ editor }: { editor: PolicyEditor }) {
  const { policy, set, error } = editor;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Return window
        </Text>
        <Checkbox label="Shoppers can request returns online" checked={policy.enabled} onChange={(value) => set(["enabled"], value)} />
        <InlineStack gap="300" wrap={false}>
          <TextField
            label="Days"
            type="number"
            autoComplete="off"
            value={numberText(policy.window.days)}
            onChange={(text) => set(["window", "days"], numberFrom(text))}
            error={error(["window", "days"])}
          />
          <Select
            label="Counted from"
            options={WINDOW_BASES.map((basis) => ({ value: basis, label: BASIS_LABELS[basis] }))}
            value={policy.window.basis}
            onChange={(value) => set(["window", "basis"], value)}
            error={error(["window", "basis"])}
          />
        </InlineStack>
        <Select
          label="When that date is not known yet"
          options={[
            { value: "count_from_earlier_date", label: "Count from the next earlier date (fulfillment, then order)" },
            { value: "wait", label: "Wait until it is known" },
          ]}
          value={policy.window.whenBasisDateUnknown}
          onChange={(value) => set(["window", "whenBasisDateUnknown"], value)}
        />
      </BlockStack>
    </Card>
  );
}

/** Outcomes offered, their order in the portal, and bonus credit. */
export function OutcomesCard({ editor }: { editor: PolicyEditor }) {
  const { policy, set, error } = editor;
  const offered = policy.outcomes.offered;
  const hidden = OUTCOMES.filter((outcome) => !offered.includes(outcome));
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Outcomes
        </Text>
        <Text as="p" tone="subdued">
          Offered in this order in the portal.
        </Text>
        {offered.map((outcome, index) => (
          <InlineStack key={outcome} gap="200" blockAlign="center">
            <Checkbox label={OUTCOME_LABELS[outcome]} checked onChange={() => set(["outcomes", "offered"], offered.filter((item) => item !== outcome))} />
            <Button size="micro" disabled={index === 0} onClick={() => set(["outcomes", "offered"], move(offered, index, -1))} accessibilityLabel={`Move ${OUTCOME_LABELS[outcome]} up`}>
              ↑
            </Button>
            <Button size="micro" disabled={index === offered.length - 1} onClick={() => set(["outcomes", "offered"], move(offered, index, 1))} accessibilityLabel={`Move ${OUTCOME_LABELS[outcome]} down`}>
              ↓
            </Button>
          </InlineStack>
        ))}
        {hidden.map((outcome) => (
          <Checkbox key={outcome} label={OUTCOME_LABELS[outcome]} checked={false} onChange={() => set(["outcomes", "offered"], [...offered, outcome])} />
        ))}
        {error(["outcomes", "offered"]) ? (
          <Text as="p" tone="critical">
            Outcomes {error(["outcomes", "offered"])}
          </Text>
        ) : null}
        <InlineStack gap="300" wrap={false}>
          <TextField
            label="Store credit bonus (%)"
            type="number"
            autoComplete="off"
            value={numberText(policy.outcomes.storeCreditBonusPercent)}
            onChange={(text) => set(["outcomes", "storeCreditBonusPercent"], numberFrom(text))}
            error={error(["outcomes", "storeCreditBonusPercent"])}
          />
          <TextField
            label="Exchange bonus (%)"
            type="number"
            autoComplete="off"
            value={numberText(policy.outcomes.exchangeBonusPercent)}
            onChange={(text) => set(["outcomes", "exchangeBonusPercent"], numberFrom(text))}
            error={error(["outcomes", "exchangeBonusPercent"])}
          />
        </InlineStack>
        <Select
          label="Exchanges may pick"
          options={[
            { value: "same_product", label: "Another variant of the returned product" },
            { value: "any_product", label: "Any product" },
          ]}
          value={policy.exchange.scope}
          onChange={(value) => set(["exchange", "scope"], value)}
        />
        <InlineStack gap="300" wrap={false}>
          <Select
            label="New items cost more"
            options={[
              { value: "shopper_pays", label: "Shopper pays the difference" },
              { value: "not_allowed", label: "Not allowed" },
            ]}
            value={policy.exchange.whenNewItemsCostMore}
            onChange={(value) => set(["exchange", "whenNewItemsCostMore"], value)}
          />
          <Select
            label="New items cost less"
            options={[
              { value: "store_credit", label: "Difference as store credit" },
              { value: "refund", label: "Refund the difference" },
              { value: "forfeit", label: "Keep the difference" },
            ]}
            value={policy.exchange.whenNewItemsCostLess}
            onChange={(value) => set(["exchange", "whenNewItemsCostLess"], value)}
          />
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

/** Restocking and return shipping fees, and the methods with their own fee. */
export function FeesAndMethodsCard({ editor }: { editor: PolicyEditor }) {
  const { policy, set, error } = editor;
  const restocking = policy.fees.restocking;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Fees and methods
        </Text>
        <InlineStack gap="300" wrap={false}>
          <Select
            label="Restocking fee"
            options={[
              { value: "none", label: "None" },
              { value: "percent", label: "Percent of the item's price" },
              { value: "per_item", label: "Fixed amount per item" },
            ]}
            value={restocking?.type ?? "none"}
            onChange={(value) =>
              set(["fees", "restocking"], value === "none" ? null : value === "percent" ? { type: "percent", percent: 10 } : { type: "per_item", amount: "5.00" })
            }
          />
          {restocking?.type === "percent" ? (
            <TextField
              label="Percent"
              type="number"
              autoComplete="off"
              value={numberText(restocking.percent)}
              onChange={(text) => set(["fees", "restocking", "percent"], numberFrom(text))}
              error={error(["fees", "restocking", "percent"])}
            />
          ) : null}
          {restocking?.type === "per_item" ? (
            <TextField
              label="Amount per item"
              autoComplete="off"
              value={restocking.amount}
              onChange={(text) => set(["fees", "restocking", "amount"], text)}
              error={error(["fees", "restocking", "amount"])}
            />
          ) : null}
        </InlineStack>
        <TextField
          label="Return shipping fee (per request)"
          autoComplete="off"
          value={policy.fees.returnShipping}
          onChange={(text) => set(["fees", "returnShipping"], text)}
          error={error(["fees", "returnShipping"])}
        />
        <Checkbox
          label="No restocking fee for exchanges"
          checked={policy.fees.waiveForExchanges.restocking}
          onChange={(value) => set(["fees", "waiveForExchanges", "restocking"], value)}
        />
        <Checkbox
          label="No return shipping fee for exchanges"
          checked={policy.fees.waiveForExchanges.returnShipping}
          onChange={(value) => set(["fees", "waiveForExchanges", "returnShipping"], value)}
        />
        {RETURN_METHODS.map((method) => (
          <InlineStack key={method} gap="300" blockAlign="end" wrap={false}>
            <Checkbox label={METHOD_LABELS[method]} checked={policy.methods[method].offered} onChange={(value) => set(["methods", method, "offered"], value)} />
            <TextField
              label={`${METHOD_LABELS[method]} fee`}
              labelHidden
              placeholder="Return shipping fee"
              autoComplete="off"
              value={policy.methods[method].fee ?? ""}
              onChange={(text) => set(["methods", method, "fee"], amountOrNull(text))}
              error={error(["methods", method, "fee"])}
            />
          </InlineStack>
        ))}
        {error(["methods"]) ? (
          <Text as="p" tone="critical">
            Methods: {error(["methods"])}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}
