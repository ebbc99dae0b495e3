import type { DbClient } from "~/db.server";
import { keyedHash } from "./keys.server";

export interface RateLimitPolicy {
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}

/** Order look-ups per shopper and shop: enough for typos, far too few to enumerate order numbers. */
export const LOOKUP_RATE_LIMIT: RateLimitPolicy = { limit: 10, windowSeconds: 10 * 60 };

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Counts one attempt by `clientIp` at `shop` in the current fixed window and says whether it is allowed.
 * The counter lives in the database so every app process shares it; the increment is one atomic upsert, and
 * the first attempt of a window clears the shop's past windows. The IP is stored only as a keyed hash.
 */
export async function consumeRateLimit(
  client: DbClient,
  shop: string,
  clientIp: string,
  policy: RateLimitPolicy = LOOKUP_RATE_LIMIT,
  now = new Date(),
): Promise<RateLimitVerdict> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowIndex = Math.floor(nowSeconds / policy.windowSeconds);
  const subject = keyedHash("rate-limit", clientIp);
  const [row] = await client.$queryRaw<{ hits: number | bigint }[]>`
    INSERT INTO "TrackingPageRateLimit" ("shop", "subject", "windowIndex", "hits")
    VALUES (${shop}, ${subject}, ${windowIndex}, 1)
    ON CONFLICT ("shop", "subject", "windowIndex") DO UPDATE SET "hits" = "TrackingPageRateLimit"."hits" + 1
    RETURNING "hits"`;
  const hits = Number(row?.hits ?? 1);
  if (hits === 1) await client.trackingPageRateLimit.deleteMany({ where: { shop, windowIndex: { lt: windowIndex } } });
  return { allowed: hits <= policy.limit, retryAfterSeconds: (windowIndex + 1) * policy.windowSeconds - nowSeconds };
}
