import type { DbClient } from "~/db.server";
import { createEstimator, type Estimator } from "../estimator";
import { catchUpEvents, replayEvents, type Observation } from "./shipment-facts";
import { usableTimeZone } from "~/time-zone";

/** A shop's estimator as this process holds it: rebuilt from the stored history once, then fed what lands. */
interface HeldEstimator {
  estimator: Estimator;
  timeZone: string;
  learned: Set<string>;
  /** Observations stored at or after this instant may be new to this process. */
  watermark: Date;
}

const held = new Map<string, HeldEstimator>();

/** A row's createdAt is set before its transaction commits: re-read this far back so a slow commit is not missed. */
const COMMIT_LAG_MS = 60_000;

const observationSelect = {
  shipmentId: true,
  originId: true,
  originCountry: true,
  originRegion: true,
  destinationCountry: true,
  destinationRegion: true,
  destinationPostalPrefix: true,
  carrier: true,
  service: true,
  placedAt: true,
  handedOffAt: true,
  deliveredAt: true,
  createdAt: true,
} as const;

/**
 * The shop's trained estimator. The first call replays its stored delivery history (DeliveryObservation) in
 * time order, so a restart loses nothing; later calls only read the deliveries stored since (any process may
 * have stored them) and feed those. Promises made with it are what-ifs to the engine: the promise shown is the
 * stored DeliveryPromise, so the engine's own follow-up of promises is not needed across restarts.
 */
export async function shopEstimator(client: DbClient, shop: string): Promise<Estimator> {
  const timeZone = await shopTimeZone(client, shop);
  let entry = held.get(shop);
  if (!entry || entry.timeZone !== timeZone) {
    const rows = await client.deliveryObservation.findMany({ where: { shop }, select: observationSelect, orderBy: [{ deliveredAt: "asc" }, { shipmentId: "asc" }] });
    const estimator = createEstimator({ timeZone });
    for (const event of replayEvents(rows)) estimator.observe(event);
    entry = { estimator, timeZone, learned: new Set(rows.map((row) => row.shipmentId)), watermark: latestCreatedAt(rows) };
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
  for (const event of catchUpEvents(observation)) entry.estimator.observe(event);
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
