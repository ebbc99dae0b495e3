import type { DbClient } from "~/db.server";
import type { OrderPromises } from "./order-promises";
import { readPromisesOfOrder, refreshOrderPromises } from "./promises.server";

/**
 * The order's promises for a message about to be sent: brought up to date first, because the message may go
 * out before the refresh job its order change enqueued has run, and it must say what the tracking page says.
 */
export async function promisesForMessage(client: DbClient, shop: string, orderId: string, now: Date): Promise<OrderPromises> {
  await refreshOrderPromises(client, shop, orderId, { now });
  return readPromisesOfOrder(client, shop, orderId);
}
