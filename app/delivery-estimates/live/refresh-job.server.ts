import { z } from "zod";
import type { DbClient } from "~/db.server";
import { enqueueJob, scheduleRecurring } from "~/jobs/queue.server";
import { defineJob } from "~/jobs/registry";
import { refreshOrderPromises } from "./promises.server";
import { DELIVERY_QUOTES_EVERY_MS, DELIVERY_QUOTES_JOB } from "./quotes-job.server";

export const DELIVERY_PROMISES_JOB = "delivery-estimates.refresh";

/**
 * "delivery-estimates.refresh": after an order or one of its parcels changed, learns from its delivered parcels
 * and stores the promises it now needs (purchase, hand-off, carrier event). Safe to run twice.
 */
export const refreshDeliveryPromisesJob = defineJob({
  name: DELIVERY_PROMISES_JOB,
  payload: z.object({ orderId: z.string().min(1) }),
  handle: async ({ db, shop, logger }, { orderId }) => {
    const outcome = await refreshOrderPromises(db, shop, orderId);
    if (outcome.learned || outcome.made) logger.info(outcome, "delivery promises refreshed");
    // A shop with orders keeps its storefront quotes fresh; scheduling again while one is pending is a no-op.
    await scheduleRecurring(db, shop, DELIVERY_QUOTES_JOB, DELIVERY_QUOTES_EVERY_MS, { firstRunAt: new Date() });
  },
});

/** Asks for the order's promises to be brought up to date; pass the transaction that changed the order or parcel. */
export async function requestPromiseRefresh(client: DbClient, shop: string, orderId: string): Promise<void> {
  await enqueueJob(client, shop, DELIVERY_PROMISES_JOB, { orderId });
}
