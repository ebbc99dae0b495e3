import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { db, type DbClient } from "~/db.server";
import { EXCEPTIONS_SCAN_EVERY_MS, EXCEPTIONS_SCAN_JOB } from "~/exceptions/schedule";
import { enqueueJob, scheduleRecurring } from "~/jobs/queue.server";
import { logger } from "~/logger.server";
import { requestReturnWebhookReplay } from "~/returns/replay-job.server";
import { fetchShopDetails } from "./shop-details.server";

export const RECONCILE_JOB = "orders.reconcile";
export const RECONCILE_EVERY_MS = 15 * 60_000;
/** How far back the first reconcile looks, so a new install tracks the merchant's last month of orders. */
export const BACKFILL_LOOKBACK_HOURS = 720;

export interface AuthenticatedShop {
  shop: string;
  scopes: string;
  admin: Pick<AdminApiContext, "graphql">;
}

/**
 * Called after every successful auth: records the install (a reinstall within 48 h keeps the shop's data),
 * makes sure the recurring reconcile is scheduled, backfills on a (re)install, then stores the shop's details.
 */
export async function onShopAuthenticated({ shop, scopes, admin }: AuthenticatedShop, client = db()): Promise<void> {
  await client.$transaction((tx) => recordInstall(tx, shop, scopes));
  try {
    const details = await fetchShopDetails(admin);
    await client.shop.updateMany({
      where: { shop },
      data: { name: details.name, email: details.email, currencyCode: details.currencyCode, ianaTimezone: details.ianaTimezone },
    });
  } catch (error) {
    // The install itself is recorded; details are refreshed on the next auth, so the merchant is not blocked.
    logger.warn({ shop, err: error instanceof Error ? error.message : String(error) }, "could not fetch shop details");
  }
}

/** Upserts the Shop as installed and schedules its reconcile and exception-scan jobs, in the caller's transaction. */
export async function recordInstall(client: DbClient, shop: string, scopes: string, now = new Date()): Promise<void> {
  const existing = await client.shop.findUnique({ where: { shop }, select: { uninstalledAt: true } });
  const firstInstall = !existing || existing.uninstalledAt !== null;
  await client.shop.upsert({
    where: { shop },
    create: { shop, scopes, installedAt: now },
    update: { scopes, uninstalledAt: null, ...(firstInstall ? { installedAt: now } : {}) },
  });
  await scheduleRecurring(client, shop, RECONCILE_JOB, RECONCILE_EVERY_MS);
  await scheduleRecurring(client, shop, EXCEPTIONS_SCAN_JOB, EXCEPTIONS_SCAN_EVERY_MS);
  // Re-auth of a live install (token refresh) needs no backfill: webhooks and the recurring run keep it current.
  if (!firstInstall) return;
  // The backfill reconcile then trains delivery estimates from the orders it brought in.
  await enqueueJob(client, shop, RECONCILE_JOB, { lookbackHours: BACKFILL_LOOKBACK_HOURS, backfill: true }, { uniqueKey: `${RECONCILE_JOB}:backfill` });
  // A shop uninstalled at the last deploy missed that deploy's replay of its stored returns webhooks.
  await requestReturnWebhookReplay(client, shop);
}
