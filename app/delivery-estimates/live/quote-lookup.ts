/** A precomputed storefront answer (a DeliveryQuote row). */
export interface Quote {
  /** The location it leaves from; absent or "default" for the shop's whole history. */
  originId?: string;
  country: string;
  region: string;
  earliestDate: string;
  promisedDate: string;
}

/** The origin of quotes made from the shop's whole history, whichever location shipped. */
export const DEFAULT_ORIGIN = "default";

/** A shop's quotes indexed for the storefront: by "origin|country|region", "origin|country|" for the whole country. */
export type QuoteIndex = ReadonlyMap<string, Quote>;

export function indexQuotes(quotes: readonly Quote[]): QuoteIndex {
  return new Map(quotes.map((quote) => [`${quote.originId ?? DEFAULT_ORIGIN}|${quote.country}|${quote.region}`, quote]));
}

/**
 * The answer for a destination: from `originId` (the location a variant ships from) when it has a quote there,
 * else from the whole history; within an origin its region's quote, else its country's. None for an unknown country
 * or a quote whose promised date is already not in the future (a stale precompute must not promise the past).
 */
export function lookUpQuote(index: QuoteIndex, destination: { country: string; region?: string | null }, today: string, originId?: string | null): Quote | null {
  const country = destination.country.toUpperCase();
  const region = destination.region?.trim();
  const from = (origin: string) => (region ? index.get(`${origin}|${country}|${region}`) : undefined) ?? index.get(`${origin}|${country}|`);
  const quote = (originId ? from(originId) : undefined) ?? from(DEFAULT_ORIGIN) ?? null;
  return quote && quote.promisedDate > today ? quote : null;
}
