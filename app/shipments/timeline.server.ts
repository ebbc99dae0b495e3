import type { DbClient } from "~/db.server";
import type { TimelineEntry } from "./timeline";

export type { TimelineEntry } from "./timeline";

const ENTRY_FIELDS = {
  id: true,
  shipmentId: true,
  fulfillmentId: true,
  source: true,
  status: true,
  happenedAt: true,
  message: true,
  city: true,
  province: true,
  country: true,
  estimatedDeliveryAt: true,
} as const;

/**
 * The timelines of several parcels in one query, newest event first. A parcel's timeline is its own scans
 * plus its fulfillment's Shopify events (stored once per fulfillment, so shared by all its parcels).
 */
export async function findTimelines(
  client: DbClient,
  shop: string,
  shipments: ReadonlyArray<{ id: string; fulfillmentId: string }>,
): Promise<Map<string, TimelineEntry[]>> {
  const timelines = new Map(shipments.map((shipment) => [shipment.id, [] as TimelineEntry[]]));
  if (!shipments.length) return timelines;
  const events = await client.trackingEvent.findMany({
    where: {
      shop,
      OR: [
        { shipmentId: { in: shipments.map((shipment) => shipment.id) } },
        { shipmentId: null, fulfillmentId: { in: [...new Set(shipments.map((shipment) => shipment.fulfillmentId))] } },
      ],
    },
    orderBy: [{ happenedAt: "desc" }, { id: "desc" }],
    select: ENTRY_FIELDS,
  });
  for (const { shipmentId, fulfillmentId, ...entry } of events) {
    for (const shipment of shipments) {
      const belongs = shipmentId === null ? shipment.fulfillmentId === fulfillmentId : shipment.id === shipmentId;
      if (belongs) timelines.get(shipment.id)!.push(entry);
    }
  }
  return timelines;
}
