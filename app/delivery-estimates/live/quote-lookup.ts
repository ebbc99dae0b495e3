/** A precomputed storefront answer (a DeliveryQuote row). */
export interface Quote {
  country: string;
  region: string;
  earliestDate: string;
  promisedDate: string;
}

/** A shop's quotes indexed for the storefront: by "country|region", "country|" for the whole country. */
export type QuoteIndex = ReadonlyMap<string, Quote>;

export function indexQuotes(quotes: readonly Quote[]): QuoteIndex {
  return new Map(quotes.map((quote) => [`${quote.country}|${quote.region}`, quote]));
}

/**
 * The answer for a destination: its region's quote, else its country's; none for an unknown country or a quote
 * whose promised date is already not in the future (a stale precompute must not promise the past).
 */
export function lookUpQuote(index: QuoteIndex, destination: { country: string; region?: string | null }, today: string): Quote | null {
  const country = destination.country.toUpperCase();
  const region = destination.region?.trim();
  const quote = (region ? index.get(`${country}|${region}`) : undefined) ?? index.get(`${country}|`) ?? null;
  return quote && quote.promisedDate > today ? quote : null;
}
