import type { DbClient } from "~/db.server";
import { indexQuotes, lookUpQuote, type Quote, type QuoteIndex } from "./quote-lookup";
import { variantGid } from "./variant-origin";

/** How long a process serves a shop's quotes from memory before reading them again (they change hourly). */
export const QUOTE_CACHE_MS = 60_000;

interface CachedQuotes {
  index: QuoteIndex;
  /** Variant gid → the location it usually ships from (only for shops shipping from several). */
  originOf: ReadonlyMap<string, string>;
  loadedAt: number;
}

const cached = new Map<string, CachedQuotes>();

/**
 * The storefront's delivery quote for a destination (and the selected variant, which is quoted from the location it
 * usually ships from), from memory when this process read the shop's quotes in the last minute, else with two
 * indexed reads (a shop has one row per location, country and region it ships to, and one per variant).
 */
export async function storefrontQuote(
  client: DbClient,
  shop: string,
  question: { country: string; region?: string | null; variant?: string | null },
  now: Date = new Date(),
): Promise<Quote | null> {
  let entry = cached.get(shop);
  if (!entry || now.getTime() - entry.loadedAt > QUOTE_CACHE_MS) {
    const [rows, origins] = await Promise.all([
      client.deliveryQuote.findMany({ where: { shop }, select: { originId: true, country: true, region: true, earliestDate: true, promisedDate: true } }),
      client.deliveryVariantOrigin.findMany({ where: { shop }, select: { variantId: true, originId: true } }),
    ]);
    entry = { index: indexQuotes(rows), originOf: new Map(origins.map((row) => [row.variantId, row.originId])), loadedAt: now.getTime() };
    cached.set(shop, entry);
  }
  const originId = question.variant ? entry.originOf.get(variantGid(question.variant)) : undefined;
  return lookUpQuote(entry.index, question, now.toISOString().slice(0, 10), originId);
}

/** Forgets cached quotes (tests; after a refresh in this process). */
export function forgetCachedQuotes(shop?: string): void {
  if (shop) cached.delete(shop);
  else cached.clear();
}
