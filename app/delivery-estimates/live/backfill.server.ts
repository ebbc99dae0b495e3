import type { Db } from "~/db.server";
import { learnFromOrder, refreshOrderPromises } from "./promises.server";
import { refreshShopQuotes } from "./quotes.server";

export interface BackfillOutcome {
  /** Delivered parcels newly added to the history (the refresh job usually learned them already). */
  learned: number;
  /** Delivered parcels the shop's estimator now learns from. */
  history: number;
  /** Promises newly made for orders still on their way. */
  promised: number;
  quotes: number;
}

/** How far back a backfill reads orders. */
const BACKFILL_DAYS = 180;

/**
 * Trains a shop's estimator from the orders it already holds (a new install, the demo): first every delivered
 * parcel joins the history, then the orders still on their way get their promises from the trained estimator,
 * then the storefront quotes are precomputed. Idempotent.
 */
export async function backfillDeliveryEstimates(db: Db, shop: string, options: { now?: Date } = {}): Promise<BackfillOutcome> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - BACKFILL_DAYS * 86_400_000);
  const delivered = await db.shipment.findMany({ where: { shop, status: "delivered", deliveredAt: { gte: since } }, select: { orderId: true }, distinct: ["orderId"] });
  let learned = 0;
  for (const { orderId } of delivered) learned += await learnFromOrder(db, shop, orderId);
  const open = await db.order.findMany({ where: { shop, processedAt: { gte: since }, cancelledAt: null }, select: { id: true }, orderBy: { processedAt: "asc" } });
  let promised = 0;
  for (const { id } of open) promised += (await refreshOrderPromises(db, shop, id, { now })).made;
  const { quotes } = await refreshShopQuotes(db, shop, { now });
  const history = await db.deliveryObservation.count({ where: { shop } });
  return { learned, history, promised, quotes };
}
