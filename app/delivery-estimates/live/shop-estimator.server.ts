import type { DbClient } from "~/db.server";
import { createEstimator, type Estimator } from "../estimator";
import { replayHistory } from "../replay";
import { catchUpEvents, type Observation } from "./shipment-facts";
import { loadShopHistory, observationSelect } from "./shop-history.server";
import { usableTimeZone } from "~/time-zone";

/** A shop's estimator as this process holds it: rebuilt from the stored history, then fed the deliveries that land. */
interface HeldEstimator {
  estimator: Estimator;
  timeZone: string;
  learned: Set<string>;
  /** Parcels the estimator holds as in flight: their delivery, when it lands, is all that is new. */
  inFlight: Set<string>;
  /** Observations stored at or after this instant may be new to this process. */
  watermark: Date;
  builtAt: number;
  rebuildAfterMs: number;
}

const held = new Map<string, HeldEstimator>();

/** A row's createdAt is set before its transaction commits: re-read this far back so a slow commit is not missed. */
const COMMIT_LAG_MS = 60_000;

/**
 * How long a rebuilt estimator serves before the next rebuild: 15 minutes, or longer for a shop whose rebuild is
 * slow (a rebuild replays every stored shipment of the last year), so rebuilding never takes more than about 1%
 * of the time; at most 12 hours. Between rebuilds only deliveries are fed; orders placed and parcels handed off
 * since are seen at the next one, which is when a starting backlog shows.
 */
export function rebuildAfterMs(rebuildMs: number): number {
  return Math.min(12 * 3_600_000, Math.max(15 * 60_000, 100 * rebuildMs));
}

/**
 * The shop's trained estimator. It is rebuilt from what is stored by the same causal replay the Olist evaluation
 * measures (replay.ts): delivered parcels (DeliveryObservation), parcels still in flight and orders not yet
 * shipped, each promised at purchase and at hand-off and followed up, so promises are calibrated and a backlog
 * lengthens them as it builds. A restart loses nothing; between rebuilds, deliveries stored since (by any
 * process) are fed as they land. Promises made with it are what-ifs to the engine: the promise shown is the
 * stored DeliveryPromise.
 */
export async function shopEstimator(client: DbClient, shop: string, now = new Date()): Promise<Estimator> {
  const timeZone = await shopTimeZone(client, shop);
  let entry = held.get(shop);
  if (!entry || entry.timeZone !== timeZone || now.getTime() - entry.builtAt > entry.rebuildAfterMs) {
    const started = performance.now();
    const history = await loadShopHistory(client, shop, now);
    const estimator = createEstimator({ timeZone });
    replayHistory(estimator, history.histories);
    entry = {
      estimator,
      timeZone,
      learned: new Set(history.delivered.map((row) => row.shipmentId)),
      inFlight: history.inFlight,
      watermark: latestCreatedAt(history.delivered),
      builtAt: now.getTime(),
      rebuildAfterMs: rebuildAfterMs(performance.now() - started),
    };
    held.set(shop, entry);
    return estimator;
  }
  const fresh = await client.deliveryObservation.findMany({
    where: { shop, createdAt: { gte: new Date(entry.watermark.getTime() - COMMIT_LAG_MS) } },
    select: observationSelect,
    orderBy: [{ deliveredAt: "asc" }, { shipmentId: "asc" }],
  });
  for (const row of fresh) learn(entry, row);
  entry.watermark = latestCreatedAt(fresh, entry.watermark);
  return entry.estimator;
}

function learn(entry: HeldEstimator, observation: Observation): void {
  if (entry.learned.has(observation.shipmentId)) return;
  entry.learned.add(observation.shipmentId);
  const events = catchUpEvents(observation);
  // A parcel replayed in flight was placed and handed off already: feeding those again would count its handling twice.
  for (const event of entry.inFlight.has(observation.shipmentId) ? events.filter((e) => e.kind === "delivered") : events) entry.estimator.observe(event);
  entry.inFlight.delete(observation.shipmentId);
}

// Rows re-read behind the watermark are skipped by shipment id.
function latestCreatedAt(rows: readonly { createdAt: Date }[], floor = new Date(0)): Date {
  return rows.reduce((latest, row) => (row.createdAt > latest ? row.createdAt : latest), floor);
}

async function shopTimeZone(client: DbClient, shop: string): Promise<string> {
  const row = await client.shop.findUnique({ where: { shop }, select: { ianaTimezone: true } });
  return usableTimeZone(row?.ianaTimezone);
}

/** Forgets every held estimator (tests; a shop whose history was erased). */
export function forgetShopEstimators(shop?: string): void {
  if (shop) held.delete(shop);
  else held.clear();
}
