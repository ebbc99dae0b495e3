/** One event on a parcel's timeline, as the admin and the order-status block show it. */
export interface TimelineEntry {
  id: string;
  /** Where it came from: "shopify" for fulfillment events, a carrier-update source otherwise. */
  source: string;
  status: string;
  happenedAt: Date;
  message: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  estimatedDeliveryAt: Date | null;
}
