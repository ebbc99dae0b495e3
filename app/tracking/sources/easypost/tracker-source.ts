import { createHash } from "node:crypto";
import { compactTrackingNumber } from "../../carriers/tracking-number";
import type { CarrierEvent, CarrierUpdateSource } from "../carrier-update-source";
import type { EasyPostTracker } from "./payload";
import { shipmentStatusFromEasyPost } from "./statuses";

type TrackingDetail = EasyPostTracker["tracking_details"][number];

/**
 * EasyPost trackers (tracker.created / tracker.updated webhooks): every delivery carries the tracker's whole
 * history, so each tracking detail becomes an event keyed by its content, and a replay or an older delivery
 * arriving late rewrites the same rows. Details that say nothing about the parcel (unknown, error) are left out.
 */
export const easyPostTrackers: CarrierUpdateSource<EasyPostTracker> = {
  name: "easypost",
  updatesFrom: (tracker) => {
    const trackingNumber = tracker.tracking_code;
    const events = tracker.tracking_details.flatMap((detail) => eventFrom(trackingNumber, detail));
    // The tracker's estimate is as of its newest detail: it belongs to that event.
    const newest = events.reduce<CarrierEvent | undefined>((latest, event) => (!latest || event.happenedAt >= latest.happenedAt ? event : latest), undefined);
    if (newest) newest.estimatedDeliveryAt = tracker.est_delivery_date;
    return [{ source: "easypost", target: { trackingNumber }, events }];
  },
};

function eventFrom(trackingNumber: string, detail: TrackingDetail): CarrierEvent[] {
  const status = shipmentStatusFromEasyPost(detail.status, detail.status_detail);
  if (!status) return [];
  const location = detail.tracking_location;
  return [
    {
      externalId: detailId(trackingNumber, detail),
      status,
      happenedAt: detail.datetime,
      message: detail.message,
      city: location?.city ?? null,
      province: location?.state ?? null,
      country: location?.country ?? null,
      zip: location?.zip ?? null,
      estimatedDeliveryAt: null,
    },
  ];
}

/** Tracking details have no id of their own; the same detail repeats verbatim in every later delivery. */
function detailId(trackingNumber: string, detail: TrackingDetail): string {
  const location = detail.tracking_location;
  const content = [
    detail.datetime.toISOString(),
    detail.status,
    detail.status_detail,
    detail.message,
    location?.city,
    location?.state,
    location?.country,
    location?.zip,
  ].join("\u0000");
  const key = compactTrackingNumber(trackingNumber) ?? trackingNumber;
  return `${key}:${createHash("sha256").update(content).digest("hex").slice(0, 24)}`;
}
