import type { ShipmentStatus } from "../status";

/** TrackingEvent.source of each carrier update source. */
export type CarrierSourceName = "shopify" | "easypost";

/** A carrier scan or status change, normalised from whichever source reported it. */
export interface CarrierEvent {
  /** Stable within its source: a redelivered or re-read event has the same id, so it is stored once. */
  externalId: string;
  status: ShipmentStatus;
  happenedAt: Date;
  message: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  zip: string | null;
  estimatedDeliveryAt: Date | null;
}

/**
 * Which parcels an update is about: every parcel of a fulfillment (Shopify's fulfillment events), or the
 * parcels with one tracking number (carriers and aggregators, which know nothing of fulfillments).
 */
export type UpdateTarget = { fulfillmentId: string } | { trackingNumber: string };

/** What one source reports about one target. */
export interface TrackingUpdate {
  source: CarrierSourceName;
  target: UpdateTarget;
  events: CarrierEvent[];
}

/**
 * A feed of carrier updates: turns one delivery (a webhook payload, an API read) into tracking updates that
 * `applyTrackingUpdates` writes. Pure; throws MalformedPayloadError when the delivery is unusable.
 */
export interface CarrierUpdateSource<Delivery> {
  readonly name: CarrierSourceName;
  updatesFrom(delivery: Delivery): TrackingUpdate[];
}
