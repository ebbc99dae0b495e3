import { randomBytes } from "node:crypto";
import type { DbClient } from "~/db.server";
import { Prisma } from "~/generated/sqlite/client";
import { atomically } from "~/orders/atomically.server";
import { compactTrackingNumber } from "../carriers/tracking-number";
import { refreshReturnShipment } from "../return-shipments.server";
import { refreshShipments } from "../shipments.server";
import type { CarrierEvent, TrackingUpdate } from "./carrier-update-source";

export interface ApplyOutcome {
  /** Events written (inserted or refreshed); a replay counts again but changes nothing. */
  events: number;
  /** Tracking numbers no shipment of the shop carries: their events are not stored. */
  unmatchedTrackingNumbers: string[];
}

/**
 * Stores the events of tracking updates from any source, idempotent on (source, externalId), and re-derives
 * the shipments they concern, in one transaction. Fulfillment-wide events wait for their fulfillment if it has
 * not arrived yet; per-parcel events need a shipment with that tracking number, else they are reported back.
 */
export async function applyTrackingUpdates(client: DbClient, shop: string, updates: readonly TrackingUpdate[]): Promise<ApplyOutcome> {
  return atomically(client, async (tx) => {
    const outcome: ApplyOutcome = { events: 0, unmatchedTrackingNumbers: [] };
    const touchedFulfillments = new Set<string>();
    // Return labels' parcels have no Shopify fulfillment; they are re-derived one by one.
    const touchedReturnParcels = new Set<string>();
    const rows: EventRows = new Map();
    for (const update of updates) {
      if ("fulfillmentId" in update.target) {
        const { fulfillmentId } = update.target;
        for (const event of update.events) addEvent(rows, update.source, event.externalId, event, { fulfillmentId, shipmentId: null });
        outcome.events += update.events.length;
        touchedFulfillments.add(fulfillmentId);
        continue;
      }
      const shipments = await shipmentsWithNumber(tx, shop, update.target.trackingNumber);
      if (!shipments.length) {
        outcome.unmatchedTrackingNumbers.push(update.target.trackingNumber);
        continue;
      }
      for (const shipment of shipments) {
        // One row per parcel: the same number can sit in two fulfillments (a parcel re-sent under a new one).
        for (const event of update.events) {
          const externalId = `${event.externalId}@${shipment.fulfillmentId}`;
          addEvent(rows, update.source, externalId, event, { fulfillmentId: null, shipmentId: shipment.id });
        }
        outcome.events += update.events.length;
        if (shipment.kind === "return") touchedReturnParcels.add(shipment.id);
        else touchedFulfillments.add(shipment.fulfillmentId);
      }
    }
    await writeEvents(tx, shop, [...rows.values()]);
    for (const fulfillmentId of touchedFulfillments) await refreshShipments(tx, shop, fulfillmentId);
    for (const shipmentId of touchedReturnParcels) await refreshReturnShipment(tx, shop, shipmentId);
    return outcome;
  });
}

async function shipmentsWithNumber(tx: DbClient, shop: string, trackingNumber: string) {
  const trackingKey = compactTrackingNumber(trackingNumber);
  if (!trackingKey) return [];
  return tx.shipment.findMany({ where: { shop, trackingKey }, select: { id: true, fulfillmentId: true, kind: true } });
}

type EventRow = Omit<CarrierEvent, "externalId"> & { source: string; externalId: string; fulfillmentId: string | null; shipmentId: string | null };

/** Rows keyed by (source, externalId): one statement may upsert a row once, and a later repeat wins as it did one by one. */
type EventRows = Map<string, EventRow>;

function addEvent(
  rows: EventRows,
  source: string,
  externalId: string,
  { externalId: _sourceId, ...fields }: CarrierEvent,
  owner: { fulfillmentId: string | null; shipmentId: string | null },
): void {
  const key = `${source}\u0000${externalId}`;
  rows.delete(key);
  rows.set(key, { ...fields, ...owner, source, externalId });
}

let eventSequence = 0;

// Shaped like Prisma's cuid() (time, then a counter): timelines break ties of one instant by id, so events keep
// listing in the order they were stored.
function eventId(): string {
  eventSequence = (eventSequence + 1) % 36 ** 4;
  return `c${Date.now().toString(36)}${eventSequence.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
}

// A tracker delivery repeats its whole history, so events are written as multi-row upserts rather than one
// statement each. Rows per statement stay well under SQLite's limit of bound parameters.
const ROWS_PER_STATEMENT = 200;

async function writeEvents(tx: DbClient, shop: string, rows: readonly EventRow[]): Promise<void> {
  const now = new Date();
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const values = rows.slice(start, start + ROWS_PER_STATEMENT).map(
      (row) => Prisma.sql`(${shop}, ${eventId()}, ${row.shipmentId}, ${row.fulfillmentId}, ${row.source}, ${row.externalId}, ${row.status}, ${row.happenedAt},
        ${row.message}, ${row.city}, ${row.province}, ${row.country}, ${row.zip}, ${row.estimatedDeliveryAt}, ${now})`,
    );
    await tx.$executeRaw`
      INSERT INTO "TrackingEvent" ("shop", "id", "shipmentId", "fulfillmentId", "source", "externalId", "status", "happenedAt", "message", "city", "province", "country", "zip", "estimatedDeliveryAt", "createdAt")
      VALUES ${Prisma.join(values)}
      ON CONFLICT ("shop", "source", "externalId") DO UPDATE SET
        "shipmentId" = excluded."shipmentId", "fulfillmentId" = excluded."fulfillmentId", "status" = excluded."status", "happenedAt" = excluded."happenedAt",
        "message" = excluded."message", "city" = excluded."city", "province" = excluded."province", "country" = excluded."country", "zip" = excluded."zip",
        "estimatedDeliveryAt" = excluded."estimatedDeliveryAt"`;
  }
}
