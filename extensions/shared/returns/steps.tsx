/** @jsxImportSource preact */
import type { ExchangePickerView, MethodChoiceView, OutcomeChoiceView, ReturnOrderResponse, ReturnReviewView, ReturnStatusResponse, ReturnsHost } from "./contract";
import type { Choices } from "./choices";

/** Each step's view: what the server worded, laid out with Polaris web components. Changes go to `set`. */

type Text = Pick<ReturnsHost, "translate" | "formatDate">;
type Change = (change: (choices: Choices) => Choices) => void;
const valueOf = (event: Event) => (event.currentTarget as unknown as { value: string }).value;
const firstOf = (event: Event) => (event.currentTarget as unknown as { values: string[] }).values[0];
const put = <T,>(record: Record<string, T>, key: string, value: T) => ({ ...record, [key]: value });

function Lines({ lines }: { lines: string[] }) {
  return (
    <s-stack gap="small-300">
      {lines.map((line) => (
        <s-text color="subdued">{line}</s-text>
      ))}
    </s-stack>
  );
}

export function ItemsStep({ order, choices, set, text, onOpenReturn }: { order: ReturnOrderResponse; choices: Choices; set: Change; text: Text; onOpenReturn: (returnId: string) => void }) {
  return (
    <s-stack gap="base">
      <s-heading>{text.translate("itemsHeading")}</s-heading>
      {order.lines.map((line) => (
        <s-stack gap="small-200">
          <s-text type="strong">{line.title}</s-text>
          <Lines lines={line.explanations} />
          {line.returnableQuantity > 0 && (
            <s-number-field
              label={text.translate("quantity", { count: line.returnableQuantity })}
              min={0}
              max={line.returnableQuantity}
              value={String(choices.quantities[line.lineItemId] ?? 0)}
              onChange={(event) => set((c) => ({ ...c, quantities: put(c.quantities, line.lineItemId, Number(valueOf(event)) || 0) }))}
            />
          )}
        </s-stack>
      ))}
      {order.existingReturns.length > 0 && (
        <s-section heading={text.translate("existingReturns")}>
          {order.existingReturns.map((existing) => (
            <s-stack direction="inline" gap="small" alignItems="center">
              <s-text>{`${existing.name} — ${existing.status}`}</s-text>
              <s-button variant="secondary" onClick={() => onOpenReturn(existing.returnId)}>
                {text.translate("viewReturn")}
              </s-button>
            </s-stack>
          ))}
        </s-section>
      )}
    </s-stack>
  );
}

export function ReasonsStep({ order, choices, set, text, onPhotos }: { order: ReturnOrderResponse; choices: Choices; set: Change; text: Text; onPhotos: (lineItemId: string, files: readonly File[]) => void }) {
  const chosen = order.lines.filter((line) => (choices.quantities[line.lineItemId] ?? 0) > 0);
  return (
    <s-stack gap="base">
      <s-heading>{text.translate("reasonsHeading")}</s-heading>
      {chosen.map((line) => {
        const reason = choices.reasons[line.lineItemId];
        const photos = choices.photos[line.lineItemId] ?? [];
        return (
          <s-stack gap="small-200">
            <s-text type="strong">{text.translate("quantityTitle", { quantity: choices.quantities[line.lineItemId] ?? 0, title: line.title })}</s-text>
            <s-select label={text.translate("reason")} value={reason ?? ""} onChange={(event) => set((c) => ({ ...c, reasons: put(c.reasons, line.lineItemId, (valueOf(event) || undefined) as Choices["reasons"][string]) }))}>
              <s-option value="">{text.translate("chooseReason")}</s-option>
              {order.reasons.map((option) => (
                <s-option value={option.value}>{option.label}</s-option>
              ))}
            </s-select>
            <Lines lines={order.reasons.find((option) => option.value === reason)?.hints ?? []} />
            <s-text-area label={text.translate("note")} value={choices.notes[line.lineItemId] ?? ""} maxLength={2000} onChange={(event) => set((c) => ({ ...c, notes: put(c.notes, line.lineItemId, valueOf(event)) }))} />
            <s-drop-zone
              label={text.translate("photos")}
              accept="image/jpeg,image/png,image/gif,image/webp,image/heic"
              multiple
              disabled={photos.length >= order.maxPhotos}
              onChange={(event) => onPhotos(line.lineItemId, (event.currentTarget as unknown as { files?: readonly File[] }).files ?? [])}
            />
            {photos.length > 0 && <s-text color="subdued">{text.translate("photosAdded", { count: photos.length })}</s-text>}
          </s-stack>
        );
      })}
    </s-stack>
  );
}

export function OutcomeStep({ outcomes, exchange, exchangeUnavailable, choices, set, text }: { outcomes: OutcomeChoiceView[]; exchange: ExchangePickerView[]; exchangeUnavailable: boolean; choices: Choices; set: Change; text: Text }) {
  return (
    <s-stack gap="base">
      <s-choice-list label={text.translate("outcomeHeading")} values={choices.outcome ? [choices.outcome] : []} onChange={(event) => set((c) => ({ ...c, outcome: firstOf(event) as Choices["outcome"] }))}>
        {outcomes.map((offer) => (
          <s-choice value={offer.outcome}>{offer.bonus ? `${offer.label} (${offer.bonus})` : offer.label}</s-choice>
        ))}
      </s-choice-list>
      {choices.outcome === "exchange" &&
        exchange.map((picker) => (
          <s-select label={picker.label} value={choices.variants[picker.lineItemId] ?? ""} onChange={(event) => set((c) => ({ ...c, variants: put(c.variants, picker.lineItemId, valueOf(event)) }))}>
            <s-option value="">{text.translate("chooseVariant")}</s-option>
            {picker.options.map((option) => (
              <s-option value={option.value} disabled={option.disabled}>
                {option.label}
              </s-option>
            ))}
          </s-select>
        ))}
      {exchangeUnavailable && <s-text color="subdued">{text.translate("exchangeUnavailable")}</s-text>}
    </s-stack>
  );
}

export function MethodStep({ methods, choices, set, text }: { methods: MethodChoiceView[]; choices: Choices; set: Change; text: Text }) {
  return (
    <s-choice-list label={text.translate("methodHeading")} values={choices.method ? [choices.method] : []} onChange={(event) => set((c) => ({ ...c, method: firstOf(event) as Choices["method"] }))}>
      {methods.map((method) => (
        <s-choice value={method.method}>{`${method.label} — ${method.fee}`}</s-choice>
      ))}
    </s-choice-list>
  );
}

export function ReviewStep({ review, text }: { review: ReturnReviewView; text: Text }) {
  return (
    <s-stack gap="base">
      <s-heading>{text.translate("reviewHeading")}</s-heading>
      {review.items.map((item) => (
        <s-stack gap="small-300">
          <s-text type="strong">{text.translate("quantityTitle", { quantity: item.quantity, title: item.title })}</s-text>
          <s-text>{item.reason}</s-text>
          <Lines lines={item.explanations} />
        </s-stack>
      ))}
      <Lines lines={[review.outcome, ...review.exchange, ...(review.method ? [review.method] : [])]} />
      {review.fees.length > 0 && (
        <s-section heading={text.translate("feesHeading")}>
          <Lines lines={review.fees} />
        </s-section>
      )}
      <s-section heading={text.translate("totalsHeading")}>
        {review.totals.map((row) => (
          <s-stack direction="inline" gap="small" justifyContent="space-between">
            <s-text>{row.label}</s-text>
            <s-text type="strong">{row.value}</s-text>
          </s-stack>
        ))}
      </s-section>
      <Lines lines={[...review.notes, ...(review.approval ? [review.approval] : [])]} />
      {review.blockers.length > 0 && (
        <s-banner tone="critical" heading={text.translate("cannotSubmit")}>
          <Lines lines={review.blockers} />
        </s-banner>
      )}
    </s-stack>
  );
}

export function StatusView({ status, text }: { status: ReturnStatusResponse; text: Text }) {
  return (
    <s-stack gap="base">
      {status.submitted && <s-banner tone="success" heading={text.translate("submitted")} />}
      <s-heading>{status.heading}</s-heading>
      <s-text type="strong">{status.status}</s-text>
      <Lines lines={[...status.items, status.outcome, ...status.money.map((row) => `${row.label}: ${row.value}`)]} />
      {status.label?.url && <s-link href={status.label.url}>{text.translate("downloadLabel")}</s-link>}
      {status.label?.tracking && <s-text>{status.label.tracking}</s-text>}
      <s-section heading={text.translate("timelineHeading")}>
        <Lines lines={status.timeline.map((entry) => `${text.formatDate(new Date(entry.at))} — ${entry.text}`)} />
      </s-section>
    </s-stack>
  );
}
