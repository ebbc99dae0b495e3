import type { OrderView } from "../view-model";
import type { DateFormats } from "./dates";
import type { PageFrame } from "./frame";
import { MarketingBlock, type MarketingView } from "./MarketingBlock";
import { PageShell } from "./PageShell";
import { EstimateText } from "./EstimateText";
import { ParcelCard } from "./ParcelCard";

/** An order's tracking page: every parcel, the items still being prepared, and the marketing block. */
export function OrderPage({ frame, order, dates, marketing }: { frame: PageFrame; order: OrderView; dates: DateFormats; marketing: MarketingView | null }) {
  const { t } = frame;
  const heading = t("orderHeading", { name: order.name });
  return (
    <PageShell frame={frame} title={heading}>
      <h1>{heading}</h1>
      {order.cancelled ? (
        <p className="notice" role="status">
          {t("cancelledOrder")}
        </p>
      ) : null}
      {!order.cancelled && !order.parcels.length ? <p>{t("nothingShipped")}</p> : null}
      {order.parcels.length > 1 ? <p>{t("shipmentSummary", { count: order.parcels.length })}</p> : null}
      {order.parcels.map((parcel, index) => (
        <ParcelCard key={parcel.key} parcel={parcel} index={index + 1} count={order.parcels.length} t={t} dates={dates} />
      ))}
      {order.unfulfilled.length ? (
        <section className="card" aria-labelledby="prep">
          <h2 id="prep">{t("preparing")}</h2>
          <p>{t("preparingIntro")}</p>
          {order.estimate ? (
            <p>
              {t("expectedDelivery")}: <EstimateText estimate={order.estimate} t={t} dates={dates} />
            </p>
          ) : null}
          <ul>
            {order.unfulfilled.map((item, index) => (
              <li key={index}>
                {item.variantTitle ? `${item.title} — ${item.variantTitle}` : item.title} <span className="note">{t("quantity", { quantity: item.quantity })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {order.parcels.some((parcel) => parcel.events.length) ? <p className="note">{t("timesShownIn", { zone: dates.zoneName })}</p> : null}
      <p>
        <a href={frame.href("")}>{t("lookUpAnother")}</a>
      </p>
      {marketing ? <MarketingBlock view={marketing} t={t} /> : null}
    </PageShell>
  );
}
