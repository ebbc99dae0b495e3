import type { PromiseRange } from "../delivery-estimates/live/order-promises";

/**
 * The JSON the order-status block receives from /api/order-status: one order's parcels with status, ETA,
 * items and a compact timeline. Dates are ISO 8601 strings. The extension imports these types
 * (extensions/order-status-block/src/contract.ts).
 */
export interface OrderStatusView {
  /** `promise`: the delivery date promised at purchase, while nothing has shipped. */
  order: { id: string; name: string; cancelled: boolean; promise: DeliveryPromiseView | null };
  parcels: ParcelView[];
}

export interface ParcelView {
  id: string;
  trackingNumber: string;
  carrier: string | null;
  trackingUrl: string | null;
  status: string;
  statusAt: string;
  estimatedDeliveryAt: string | null;
  /** Our delivery promise while the parcel is on its way (the same one the tracking page and emails show). */
  promise: DeliveryPromiseView | null;
  deliveredAt: string | null;
  items: Array<{ title: string; variantTitle: string | null; quantity: number }>;
  /** Newest first, at most TIMELINE_LIMIT. */
  events: Array<{ status: string; happenedAt: string; message: string | null; location: string | null }>;
}

/** A promised delivery date range: ISO calendar dates in the destination's calendar, earliest ≤ promised. */
export type DeliveryPromiseView = PromiseRange;

/** The block shows a compact timeline; the full one is on the tracking page. */
export const TIMELINE_LIMIT = 10;

/** "City, Province, Country" from whatever parts a carrier gave, or null. */
export function formatLocation(parts: { city: string | null; province: string | null; country: string | null }): string | null {
  const present = [parts.city, parts.province, parts.country].filter((part): part is string => Boolean(part?.trim()));
  return present.length ? present.join(", ") : null;
}
