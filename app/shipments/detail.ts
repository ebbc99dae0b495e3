import type { ParcelItem } from "./parcel-items";
import type { StatusChange } from "./status-history";
import type { TimelineEntry } from "./timeline";

/** Everything the admin's shipment page shows about one parcel. */
export interface ShipmentDetail {
  shipment: {
    id: string;
    trackingNumber: string;
    trackingUrl: string | null;
    carrier: string | null;
    service: string | null;
    status: string;
    statusAt: Date;
    shippedAt: Date | null;
    lastEventAt: Date | null;
    estimatedDeliveryAt: Date | null;
    deliveredAt: Date | null;
  };
  order: { id: string; name: string | null; processedAt: Date | null };
  fulfillment: { id: string; name: string | null; status: string | null };
  /** The fulfillment's items: Shopify does not say which tracking number of a fulfillment carries which item. */
  items: ParcelItem[];
  /** The other parcels of the same order (split shipments), to move between them. */
  siblings: Array<{ id: string; trackingNumber: string; carrier: string | null; status: string }>;
  timeline: TimelineEntry[];
  history: StatusChange[];
  timeZone: string;
}
