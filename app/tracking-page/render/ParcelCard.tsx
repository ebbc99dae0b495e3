import { statusMessageKey, type Translate } from "../messages";
import type { Progress } from "../progress";
import type { EventView, ParcelView } from "../view-model";
import type { DateFormats } from "./dates";
import { EstimateText } from "./EstimateText";

function ProgressBar({ progress, t }: { progress: Progress; t: Translate }) {
  return (
    <>
      <div className="bar" aria-hidden="true">
        <span style={{ width: `${progress.percent}%` }} />
      </div>
      <ol className="steps" aria-label={t("progressLabel")}>
        {progress.steps.map((step) => (
          <li key={step.status} className={step.state === "done" ? "done" : undefined} aria-current={step.state === "current" ? "step" : undefined}>
            <span className="sr">{`${t(step.state === "done" ? "stepDone" : step.state === "current" ? "stepCurrent" : "stepUpcoming")}: `}</span>
            {t(statusMessageKey(step.status))}
          </li>
        ))}
      </ol>
    </>
  );
}

function Timeline({ events, t, dates, headingId }: { events: EventView[]; t: Translate; dates: DateFormats; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t("timeline")}</h3>
      {events.length ? (
        <ol className="tl">
          {events.map((event, index) => (
            <li key={index}>
              <time dateTime={event.happenedAt.toISOString()}>{dates.dateTime(event.happenedAt)}</time>
              <strong>{t(statusMessageKey(event.status))}</strong>
              {event.message ? ` — ${event.message}` : null}
              {event.location ? <span className="note">{` · ${event.location}`}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="note">{t("noEvents")}</p>
      )}
    </section>
  );
}

/** One parcel: status, progress, estimate, carrier and tracking number, its items and its timeline. */
export function ParcelCard({ parcel, index, count, t, dates }: { parcel: ParcelView; index: number; count: number; t: Translate; dates: DateFormats }) {
  const headingId = `p${index}`;
  return (
    <section className={`card ${parcel.progress.tone}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{t("parcelHeading", { index, count })}</h2>
      <p className="status" role="status">
        {t(statusMessageKey(parcel.status))}
      </p>
      <ProgressBar progress={parcel.progress} t={t} />
      <dl>
        {parcel.deliveredAt ? (
          <>
            <dt>{t("status_delivered")}</dt>
            <dd>{dates.day(parcel.deliveredAt)}</dd>
          </>
        ) : null}
        {parcel.estimate ? (
          <>
            <dt>{t("estimatedDelivery")}</dt>
            <dd>
              <EstimateText estimate={parcel.estimate} t={t} dates={dates} />
            </dd>
          </>
        ) : null}
        {parcel.carrier ? (
          <>
            <dt>{t("carrier")}</dt>
            <dd>{parcel.service ? `${parcel.carrier} · ${parcel.service}` : parcel.carrier}</dd>
          </>
        ) : null}
        {parcel.trackingNumber ? (
          <>
            <dt>{t("trackingNumber")}</dt>
            <dd>
              {parcel.trackingUrl ? (
                <a href={parcel.trackingUrl} rel="noopener noreferrer" target="_blank" aria-label={`${t("trackOnCarrier")}: ${parcel.trackingNumber}`}>
                  {parcel.trackingNumber}
                </a>
              ) : (
                parcel.trackingNumber
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {parcel.items.length ? (
        <>
          <h3>{t("itemsInParcel")}</h3>
          {parcel.parcelsForItems > 1 ? <p className="note">{t("sharedParcels", { count: parcel.parcelsForItems })}</p> : null}
          <ul>
            {parcel.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                {item.variantTitle ? `${item.title} — ${item.variantTitle}` : item.title} <span className="note">{t("quantity", { quantity: item.quantity })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Timeline events={parcel.events} t={t} dates={dates} headingId={`${headingId}t`} />
    </section>
  );
}
