import { z } from "zod";
import { requestDeliveryBackfill } from "~/delivery-estimates/live/backfill-job.server";
import { PermanentJobError } from "~/jobs/errors";
import { defineJob } from "~/jobs/registry";
import { ShopifyGraphqlError } from "~/shopify/admin-graphql.server";
import { unauthenticated } from "~/shopify.server";
import { RECONCILE_JOB } from "~/shops/install.server";
import { reconcileOrders } from "./reconcile-orders.server";
import { reconcileSince } from "./window";

export const reconcileJobPayload = z.object({
  /** How far back to look instead of since the last run (the install backfill asks for 720). */
  lookbackHours: z.number().positive().max(24 * 365).optional(),
  /** The install's first sync: once it is done, the shop's delivery estimates are trained from what it brought in. */
  backfill: z.boolean().optional(),
});

/**
 * "orders.reconcile": brings the shop's orders, fulfillments and tracking events up to date from the Admin
 * API, repairing dropped webhooks, then records when it started as the shop's lastReconciledAt; the install's
 * first run then asks for the delivery-estimates backfill. Scheduled (recurring and at install) by app/shops;
 * safe to run twice.
 */
export const reconcileOrdersJob = defineJob({
  name: RECONCILE_JOB,
  payload: reconcileJobPayload,
  handle: async ({ db, shop, logger, signal }, { lookbackHours, backfill }) => {
    const held = await db.shop.findUnique({ where: { shop }, select: { lastReconciledAt: true, uninstalledAt: true } });
    if (!held || held.uninstalledAt) {
      logger.info("shop is not installed; nothing to reconcile");
      return;
    }
    const startedAt = new Date();
    const since = reconcileSince({ now: startedAt, lastReconciledAt: held.lastReconciledAt, lookbackHours });
    const { admin } = await unauthenticated.admin(shop);
    try {
      const report = await reconcileOrders({ client: db, shop, admin, since, signal });
      logger.info({ ...report, since: since.toISOString() }, "orders reconciled");
    } catch (error) {
      // A request Shopify rejects as such (bad query, revoked token) fails the same way on every retry.
      if (error instanceof ShopifyGraphqlError && !error.retryable) throw new PermanentJobError(error.message, { cause: error });
      throw error;
    }
    // Runs can overlap (a lease expired): the later start wins.
    await db.shop.updateMany({
      where: { shop, OR: [{ lastReconciledAt: null }, { lastReconciledAt: { lt: startedAt } }] },
      data: { lastReconciledAt: startedAt },
    });
    if (backfill) await requestDeliveryBackfill(db, shop);
  },
});
