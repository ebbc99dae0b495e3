import { randomUUID } from "node:crypto";
import { easyPostSignature } from "../../app/tracking/sources/easypost/signature";

/**
 * A signed EasyPost `tracker.updated` webhook moving `trackingCode` to out for delivery at `at`, in the envelope
 * EasyPost documents (Event with its Tracker `result`), signed like EasyPost (HMAC-SHA256 of the raw body).
 */
export function outForDeliveryWebhook(trackingCode: string, at: Date, secret: string): { body: string; headers: Record<string, string> } {
  const time = at.toISOString().replace(/\.\d{3}Z$/, "Z");
  const detail = (status: string, message: string, datetime: string) => ({
    object: "TrackingDetail",
    message,
    status,
    status_detail: status,
    datetime,
    source: "USPS",
    tracking_location: { object: "TrackingLocation", city: "HOUSTON", state: "TX", country: "US", zip: "77063" },
  });
  const tracker = {
    id: `trk_${randomUUID().replaceAll("-", "")}`,
    object: "Tracker",
    mode: "test",
    tracking_code: trackingCode,
    status: "out_for_delivery",
    status_detail: "out_for_delivery",
    created_at: time,
    updated_at: time,
    carrier: "USPS",
    est_delivery_date: null,
    tracking_details: [detail("in_transit", "Arrived at USPS Facility", new Date(at.getTime() - 3_600_000).toISOString()), detail("out_for_delivery", "Out for Delivery", time)],
    public_url: "https://track.easypost.com/bench",
  };
  const body = JSON.stringify({ id: `evt_${randomUUID().replaceAll("-", "")}`, object: "Event", mode: "test", description: "tracker.updated", created_at: time, updated_at: time, status: "pending", result: tracker });
  return { body, headers: { "content-type": "application/json", "x-hmac-signature": easyPostSignature(Buffer.from(body, "utf8"), secret) } };
}
