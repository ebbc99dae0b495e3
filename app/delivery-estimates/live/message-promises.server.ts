import type { DbClient } from "~/db.server";
import { orderPromises, type OrderPromises } from "./order-promises";
import { promisesCurrentFor, type ShownParcel } from "./promise-plan";
import { refreshHeldPromises, storedPromisesOfOrder, type OrderToRefresh } from "./promises.server";

/**
 * The order's promises for a message about to be sent, as the tracking page shows them. The refresh job the
 * order change enqueued usually stored them already; the message may go out before it ran, so when the stored
 * promises lack what `parcels` (or, without parcels, the order) now call for, they are brought up to date first.
 */
export async function promisesForMessage(client: DbClient, shop: string, order: OrderToRefresh, parcels: readonly ShownParcel[], now: Date): Promise<OrderPromises> {
  const stored = await storedPromisesOfOrder(client, shop, order.id);
  if (promisesCurrentFor(parcels, new Set(stored.map((row) => row.basisKey)))) return orderPromises(stored);
  return orderPromises(await refreshHeldPromises(client, shop, order, stored, now));
}
