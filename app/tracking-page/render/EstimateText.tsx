import type { DeliveryEstimate } from "../estimated-delivery";
import type { Translate } from "../messages";
import type { DateFormats } from "./dates";

/** A delivery estimate as the page words it: our promise as a date range, or the carrier's date, with where it comes from. */
export function EstimateText({ estimate, t, dates }: { estimate: DeliveryEstimate; t: Translate; dates: DateFormats }) {
  if (estimate.source === "carrier") {
    return (
      <>
        {dates.day(estimate.at)} <span className="note">({t("estimateNote")})</span>
      </>
    );
  }
  const range =
    estimate.earliestDate < estimate.promisedDate
      ? `${dates.calendarDay(estimate.earliestDate)} – ${dates.calendarDay(estimate.promisedDate)}`
      : dates.calendarDay(estimate.promisedDate);
  return (
    <>
      <time dateTime={estimate.promisedDate}>{range}</time> <span className="note">({t("promiseNote")})</span>
    </>
  );
}
