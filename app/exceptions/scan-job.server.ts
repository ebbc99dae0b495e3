import { z } from "zod";
import { defineJob } from "~/jobs/registry";
import { recordDueDigest } from "./digest/record.server";
import { scanShopExceptions } from "./scan.server";
import { EXCEPTIONS_SCAN_JOB } from "./schedule";

/**
 * "exceptions.scan": flags the shop's stalled, late, failed, returned and unshipped orders and resolves flags
 * whose cause is gone, then records the merchant's daily digest once its hour has come. Recurring every 15 minutes
 * per shop (scheduled at install); safe to run twice.
 */
export const scanExceptionsJob = defineJob({
  name: EXCEPTIONS_SCAN_JOB,
  payload: z.object({}),
  handle: async ({ db, shop, logger }) => {
    const held = await db.shop.findUnique({ where: { shop }, select: { uninstalledAt: true } });
    if (!held || held.uninstalledAt) {
      logger.info("shop is not installed; nothing to scan");
      return;
    }
    const outcome = await scanShopExceptions(db, shop);
    const digestId = await db.$transaction((tx) => recordDueDigest(tx, shop, new Date()));
    logger.info({ ...outcome, digestRecorded: digestId !== null }, "exceptions scan finished");
  },
});
