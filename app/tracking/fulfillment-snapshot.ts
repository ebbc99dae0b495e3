import type { CarrierEvent } from "./sources/carrier-update-source";

/**
 * A fulfillment as Aftercare keeps it, from a webhook payload or an Admin API read; written by
 * `upsertFulfillmentSnapshot`.
 */
export interface FulfillmentSnapshot {
  fulfillment: FulfillmentFields;
  lineItems: { lineItemId: string; quantity: number }[];
  /** One per distinct tracking number; a fulfillment without tracking numbers has none. */
  parcels: Parcel[];
}

export interface FulfillmentFields {
  id: string;
  orderId: string;
  name: string | null;
  /** success, cancelled, error, failure, pending, open (lower case). */
  status: string;
  /** Shopify's latest event status for the fulfillment (lower case), if any. */
  shipmentStatus: string | null;
  /** undefined when the source does not carry it (Admin API reads): the held value is kept. */
  locationId?: string | null;
  trackingCompany: string | null;
  service: string | null;
  /** undefined when the source does not carry it (REST payloads): the held value is kept. */
  estimatedDeliveryAt?: Date | null;
  shopifyCreatedAt: Date;
  shopifyUpdatedAt: Date;
}

export interface Parcel {
  trackingNumber: string;
  trackingUrl: string | null;
  carrier: string | null;
}

/** A Shopify fulfillment event: it concerns every parcel of its fulfillment. */
export interface FulfillmentEventRecord extends CarrierEvent {
  fulfillmentId: string;
}

/** Tracking numbers paired with their URLs; blanks dropped, repeats kept once (first wins). */
export function parcelsFrom(entries: readonly { number: string | null; url: string | null; carrier: string | null }[]): Parcel[] {
  const parcels = new Map<string, Parcel>();
  for (const entry of entries) {
    const trackingNumber = entry.number?.trim();
    if (!trackingNumber || parcels.has(trackingNumber)) continue;
    parcels.set(trackingNumber, { trackingNumber, trackingUrl: entry.url, carrier: entry.carrier });
  }
  return [...parcels.values()];
}
