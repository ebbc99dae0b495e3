/**
 * What GET {appUrl}/api/order-status answers (app/shipments/order-status.ts on the server): one order's
 * parcels, dates as ISO 8601 strings. Kept here so the extension bundle has no server code in it.
 */
export interface OrderStatusResponse {
  order: { id: string; name: string; cancelled: boolean };
  parcels: Parcel[];
}

export interface Parcel {
  id: string;
  trackingNumber: string;
  carrier: string | null;
  trackingUrl: string | null;
  status: string;
  statusAt: string;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  items: Array<{ title: string; variantTitle: string | null; quantity: number }>;
  /** Newest first. */
  events: Array<{ status: string; happenedAt: string; message: string | null; location: string | null }>;
}

/** The part of the extension API the block uses, so tests can hand it a fake. */
export interface BlockApi {
  orderId: string | undefined;
  timeZone: string | undefined;
  getSessionToken(): Promise<string>;
  translate(key: string, replacements?: Record<string, string | number>): string;
  formatDate(date: Date, options?: Intl.DateTimeFormatOptions): string;
}
