import type { DbClient } from "~/db.server";
import { indexQuotes, lookUpQuote, type Quote, type QuoteIndex } from "./quote-lookup";

/** How long a process serves a shop's quotes from memory before reading them again (they change hourly). */
export const QUOTE_CACHE_MS = 60_000;

const cached = new Map<string, { index: QuoteIndex; loadedAt: number }>();

/**
 * The storefront's delivery quote for a destination, from memory when this process read the shop's quotes in the
 * last minute, else with one indexed read of all of them (a shop has one row per country and region it ships to).
 */
export async function storefrontQuote(
  client: DbClient,
  shop: string,
  destination: { country: string; region?: string | null },
  now: Date = new Date(),
): Promise<Quote | null> {
  let entry = cached.get(shop);
  if (!entry || now.getTime() - entry.loadedAt > QUOTE_CACHE_MS) {
    const rows = await client.deliveryQuote.findMany({ where: { shop }, select: { country: true, region: true, earliestDate: true, promisedDate: true } });
    entry = { index: indexQuotes(rows), loadedAt: now.getTime() };
    cached.set(shop, entry);
  }
  return lookUpQuote(entry.index, destination, now.toISOString().slice(0, 10));
}

/** Forgets cached quotes (tests; after a refresh in this process). */
export function forgetCachedQuotes(shop?: string): void {
  if (shop) cached.delete(shop);
  else cached.clear();
}
