/**
 * EasyPost webhook bodies in the shape EasyPost documents for Event and Tracker objects (tracker.updated with
 * its `result` Tracker and `tracking_details`), with the fields we do not read kept so the schema is tested
 * against the real envelope.
 */
export interface DetailInput {
  datetime: string;
  status: string;
  status_detail?: string | null;
  message?: string | null;
  city?: string | null;
}

export function trackingDetail({ datetime, status, status_detail = null, message = null, city = "HOUSTON" }: DetailInput) {
  return {
    object: "TrackingDetail",
    message,
    description: null,
    status,
    status_detail,
    datetime,
    source: "USPS",
    carrier_code: null,
    tracking_location: { object: "TrackingLocation", city, state: "TX", country: "US", zip: "77063" },
  };
}

export const JOURNEY: DetailInput[] = [
  { datetime: "2026-11-20T09:00:00Z", status: "pre_transit", status_detail: "status_update", message: "Pre-Shipment Info Sent to USPS" },
  { datetime: "2026-11-20T17:10:00Z", status: "in_transit", status_detail: "arrived_at_facility", message: "Arrived at USPS Origin Facility" },
  { datetime: "2026-11-21T06:30:00Z", status: "in_transit", status_detail: "weather_delay", message: "Delayed due to weather" },
  { datetime: "2026-11-22T07:45:00Z", status: "out_for_delivery", status_detail: "out_for_delivery", message: "Out for Delivery" },
];

export function tracker(trackingCode: string, details: DetailInput[], changes: Record<string, unknown> = {}) {
  const last = details.at(-1);
  return {
    id: "trk_c8e0edb5bb284caa934a0d3db23a148z",
    object: "Tracker",
    mode: "test",
    tracking_code: trackingCode,
    status: last?.status ?? "unknown",
    status_detail: last?.status_detail ?? "unknown",
    created_at: "2026-11-20T09:00:00Z",
    updated_at: last?.datetime ?? "2026-11-20T09:00:00Z",
    signed_by: null,
    weight: null,
    est_delivery_date: "2026-11-23T00:00:00Z",
    shipment_id: null,
    carrier: "USPS",
    tracking_details: details.map(trackingDetail),
    carrier_detail: {
      object: "CarrierDetail",
      service: "First-Class Package Service",
      container_type: null,
      est_delivery_date_local: null,
      est_delivery_time_local: null,
      origin_location: "HOUSTON TX, 77001",
      destination_location: "CHARLESTON SC, 29401",
    },
    finalized: false,
    is_return: false,
    public_url: `https://track.easypost.com/djE6dHJrXzEyMw`,
    fees: [],
    ...changes,
  };
}

export function trackerEvent(eventId: string, result: unknown, description = "tracker.updated") {
  return {
    id: eventId,
    object: "Event",
    mode: "test",
    description,
    previous_attributes: { status: "unknown" },
    created_at: "2026-11-22T07:46:00Z",
    updated_at: "2026-11-22T07:46:00Z",
    pending_urls: ["https://app.example/carriers/easypost/shop.myshopify.com"],
    completed_urls: [],
    user_id: "user_60a4bd4ddd2b4b8a9c57db8d1de2a92e",
    status: "pending",
    result,
  };
}
