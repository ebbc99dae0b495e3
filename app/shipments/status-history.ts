import { compareEvents } from "~/tracking/shipment-state";
import { nextShipmentState, shipmentStatusSchema, type ShipmentState, type ShipmentStatus } from "~/tracking/status";

export interface StatusChange {
  status: ShipmentStatus | string;
  at: Date;
}

/**
 * The statuses a parcel went through, oldest first: its events folded through the state machine in time
 * order (so a late or out-of-order event that changed nothing is not a change), starting from "label
 * created" when it shipped, and ending with the stored status when something other than an event set it
 * (Shopify's reported status, a cancellation).
 */
export function statusHistory(
  shipment: { status: string; statusAt: Date; shippedAt: Date | null },
  events: ReadonlyArray<{ id: string; status: string; happenedAt: Date }>,
): StatusChange[] {
  const start = shipment.shippedAt ?? shipment.statusAt;
  const history: StatusChange[] = [{ status: "label_created", at: start }];
  // Folded from the beginning of time like deriveShipmentState, so a scan stamped before the fulfillment counts.
  let state: ShipmentState = { status: "label_created", statusAt: new Date(0) };
  const known = events.flatMap((event) => {
    const status = shipmentStatusSchema.safeParse(event.status);
    return status.success ? [{ externalId: event.id, status: status.data, happenedAt: event.happenedAt, estimatedDeliveryAt: null }] : [];
  });
  for (const event of known.sort(compareEvents)) {
    const next = nextShipmentState(state, event);
    if (next.status !== state.status) history.push({ status: next.status, at: next.statusAt });
    state = next;
  }
  if (state.status !== shipment.status) history.push({ status: shipment.status, at: shipment.statusAt });
  return history;
}
