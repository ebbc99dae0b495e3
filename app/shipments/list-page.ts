/** One row of the admin shipments list. */
export interface ShipmentListRow {
  id: string;
  orderId: string;
  orderName: string | null;
  trackingNumber: string;
  carrier: string | null;
  status: string;
  shippedAt: Date | null;
  lastEventAt: Date | null;
  estimatedDeliveryAt: Date | null;
  deliveredAt: Date | null;
}

export interface ShipmentListPage {
  rows: ShipmentListRow[];
  pageInfo: { hasPreviousPage: boolean; hasNextPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Every carrier the shop has shipments with, for the carrier filter. */
  carriers: string[];
  timeZone: string;
}
