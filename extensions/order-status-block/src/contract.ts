/**
 * What GET {appUrl}/api/order-status answers: the server's own type, imported as a type only so the bundle
 * carries no server code and the two can never drift.
 */
export type { OrderStatusView as OrderStatusResponse, ParcelView as Parcel } from "../../../app/shipments/order-status";

/** The part of the extension API the block uses, so tests can hand it a fake. */
export interface BlockApi {
  orderId: string | undefined;
  timeZone: string | undefined;
  getSessionToken(): Promise<string>;
  translate(key: string, replacements?: Record<string, string | number>): string;
  formatDate(date: Date, options?: Intl.DateTimeFormatOptions): string;
}
