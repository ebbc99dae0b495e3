/** @jsxImportSource preact */
import type { BlockApi, OrderStatusResponse, Parcel } from "./contract";
import { isProblem, progressStep, PROGRESS_STEPS, statusKey } from "./progress";

type Text = Pick<BlockApi, "translate" | "formatDate" | "timeZone">;

/** Every parcel of the order with its status, progress, ETA, items and latest carrier updates. */
export function OrderStatusView({ view, text }: { view: OrderStatusResponse; text: Text }) {
  const { translate } = text;
  if (view.order.cancelled && view.parcels.length === 0) return <s-paragraph>{translate("cancelled")}</s-paragraph>;
  if (view.parcels.length === 0) {
    return (
      <s-stack gap="small">
        <s-paragraph>{translate("empty")}</s-paragraph>
        {view.order.promise && <s-text>{translate("eta", { date: promiseRange(view.order.promise, text) })}</s-text>}
      </s-stack>
    );
  }
  return (
    <s-stack gap="large">
      {view.parcels.map((parcel, index) => (
        <ParcelCard key={parcel.id} parcel={parcel} number={index + 1} count={view.parcels.length} text={text} />
      ))}
    </s-stack>
  );
}

/** Our promised range ("12 Mar – 14 Mar 2026"): calendar dates, formatted without a time-zone shift. */
function promiseRange(promise: { earliestDate: string; promisedDate: string }, text: Text): string {
  const date = (iso: string) => text.formatDate(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return promise.earliestDate < promise.promisedDate ? `${date(promise.earliestDate)} – ${date(promise.promisedDate)}` : date(promise.promisedDate);
}

function ParcelCard({ parcel, number, count, text }: { parcel: Parcel; number: number; count: number; text: Text }) {
  const { translate } = text;
  const day = (iso: string) => text.formatDate(new Date(iso), { dateStyle: "medium", timeZone: text.timeZone });
  const step = progressStep(parcel.status);
  const status = translate(statusKey(parcel.status));
  return (
    <s-stack gap="small">
      {count > 1 && <s-heading>{translate("parcel", { number, count })}</s-heading>}
      <s-stack direction="inline" gap="small">
        <s-badge tone={isProblem(parcel.status) ? "critical" : "auto"}>{status}</s-badge>
        {parcel.deliveredAt ? (
          <s-text>{translate("deliveredOn", { date: day(parcel.deliveredAt) })}</s-text>
        ) : (
          (parcel.promise || parcel.estimatedDeliveryAt) && (
            <s-text>{translate("eta", { date: parcel.promise ? promiseRange(parcel.promise, text) : day(parcel.estimatedDeliveryAt!) })}</s-text>
          )
        )}
      </s-stack>
      {step !== null && (
        <s-progress value={step} max={PROGRESS_STEPS} tone={isProblem(parcel.status) ? "critical" : "auto"} accessibilityLabel={`${translate("progress")}: ${status}`} />
      )}
      <s-text color="subdued">{translate("trackingNumber", { number: parcel.trackingNumber })}</s-text>
      {parcel.trackingUrl && (
        <s-link href={parcel.trackingUrl} target="_blank">
          {translate("trackOnCarrier", { carrier: parcel.carrier ?? parcel.trackingNumber })}
        </s-link>
      )}
      {parcel.items.length > 0 && (
        <s-stack gap="small-300">
          <s-text type="strong">{translate("items")}</s-text>
          <s-unordered-list>
            {parcel.items.map((item, index) => (
              <s-list-item key={index}>
                {translate("item", { quantity: item.quantity, title: [item.title, item.variantTitle].filter(Boolean).join(" – ") })}
              </s-list-item>
            ))}
          </s-unordered-list>
        </s-stack>
      )}
      <s-stack gap="small-300">
        <s-text type="strong">{translate("latestUpdates")}</s-text>
        {parcel.events.length === 0 ? (
          <s-text color="subdued">{translate("noEvents")}</s-text>
        ) : (
          <s-ordered-list>
            {parcel.events.slice(0, 5).map((event, index) => (
              <s-list-item key={index}>
                <s-text type="strong">{translate(statusKey(event.status))}</s-text>{" "}
                <s-text color="subdued">{text.formatDate(new Date(event.happenedAt), { dateStyle: "medium", timeStyle: "short", timeZone: text.timeZone })}</s-text>
                {[event.message, event.location].filter(Boolean).length > 0 && <s-text> — {[event.message, event.location].filter(Boolean).join(", ")}</s-text>}
              </s-list-item>
            ))}
          </s-ordered-list>
        )}
      </s-stack>
      {number < count && <s-divider />}
    </s-stack>
  );
}
