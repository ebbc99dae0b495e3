import { z } from "zod";
import { defineJob } from "~/jobs/registry";
import { forgetCachedQuotes } from "./quote-cache.server";
import { refreshShopQuotes } from "./quotes.server";

export const DELIVERY_QUOTES_JOB = "delivery-estimates.quotes";
/** Hourly: a quote is for an order placed today, and the shop's history moves as deliveries land. */
export const DELIVERY_QUOTES_EVERY_MS = 3_600_000;

/** "delivery-estimates.quotes": precomputes the shop's storefront "Get it by" answers. Recurring; safe to run twice. */
export const refreshDeliveryQuotesJob = defineJob({
  name: DELIVERY_QUOTES_JOB,
  payload: z.object({}),
  handle: async ({ db, shop, logger }) => {
    const outcome = await refreshShopQuotes(db, shop);
    forgetCachedQuotes(shop);
    logger.info(outcome, "delivery quotes refreshed");
  },
});
