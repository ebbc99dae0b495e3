import { z } from "zod";
import type { DbClient } from "~/db.server";
import { enqueueJob, scheduleRecurring } from "~/jobs/queue.server";
import { defineJob } from "~/jobs/registry";
import { backfillDeliveryEstimates } from "./backfill.server";
import { forgetCachedQuotes } from "./quote-cache.server";
import { DELIVERY_QUOTES_EVERY_MS, DELIVERY_QUOTES_JOB } from "./quotes-job.server";

export const DELIVERY_BACKFILL_JOB = "delivery-estimates.backfill";

/**
 * "delivery-estimates.backfill": trains a newly installed shop's estimator from the orders the install's first
 * sync brought in, promises the orders still on their way and precomputes the storefront quotes, then keeps the
 * quotes fresh. Enqueued by the install's first reconcile once it is done; idempotent.
 */
export const backfillDeliveryEstimatesJob = defineJob({
  name: DELIVERY_BACKFILL_JOB,
  payload: z.object({}),
  handle: async ({ db, shop, logger }) => {
    const held = await db.shop.findUnique({ where: { shop }, select: { uninstalledAt: true } });
    if (!held || held.uninstalledAt) {
      logger.info("shop is not installed; nothing to backfill");
      return;
    }
    const outcome = await backfillDeliveryEstimates(db, shop);
    forgetCachedQuotes(shop);
    logger.info(outcome, "delivery estimates backfilled");
    await scheduleRecurring(db, shop, DELIVERY_QUOTES_JOB, DELIVERY_QUOTES_EVERY_MS);
  },
});

/** Asks for the shop's delivery estimates to be trained from its synced orders (once while one is pending). */
export async function requestDeliveryBackfill(client: DbClient, shop: string): Promise<void> {
  await enqueueJob(client, shop, DELIVERY_BACKFILL_JOB, {}, { uniqueKey: DELIVERY_BACKFILL_JOB });
}
