import type { Db } from "~/db.server";
import { isoDateOf, localEpochDay } from "../local-date";
import { countryCodeOf } from "./shipment-facts";
import { shopEstimator } from "./shop-estimator.server";
import { usableZone } from "./time-zone";

/** Destinations the shop shipped to recently get their own quote; older ones fall back to the country's. */
const RECENT_DAYS = 180;

export interface QuoteRefresh {
  quotes: number;
  validOn: string;
}

/**
 * Precomputes the storefront's "Get it by" answers at `now`: the promise for an order placed now, per country and
 * per region the shop has shipped to (from its delivery history and recent orders), so the storefront endpoint
 * only looks one up. Replaces the shop's previous quotes.
 */
export async function refreshShopQuotes(client: Db, shop: string, options: { now?: Date } = {}): Promise<QuoteRefresh> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
  const [observed, ordered] = await Promise.all([
    client.deliveryObservation.findMany({ where: { shop, deliveredAt: { gte: since } }, select: { destinationCountry: true, destinationRegion: true }, distinct: ["destinationCountry", "destinationRegion"] }),
    client.order.findMany({ where: { shop, processedAt: { gte: since } }, select: { shippingCountry: true, shippingProvince: true }, distinct: ["shippingCountry", "shippingProvince"] }),
  ]);
  const destinations = new Map<string, { country: string; region: string }>();
  const add = (country: string | null, region: string | null) => {
    const code = countryCodeOf(country);
    if (!code) return;
    destinations.set(`${code}|`, { country: code, region: "" });
    const trimmed = region?.trim() ?? "";
    if (trimmed) destinations.set(`${code}|${trimmed}`, { country: code, region: trimmed });
  };
  for (const row of observed) add(row.destinationCountry, row.destinationRegion);
  for (const row of ordered) add(row.shippingCountry, row.shippingProvince);

  const estimator = await shopEstimator(client, shop);
  const zone = (await client.shop.findUnique({ where: { shop }, select: { ianaTimezone: true } }))?.ianaTimezone;
  const validOn = isoDateOf(localEpochDay(now, usableZone(zone)));
  const rows = [...destinations.values()].map(({ country, region }) => {
    const estimate = estimator.promise({
      stage: "purchase",
      facts: { originId: "default", origin: { country }, destination: { country, ...(region ? { region } : {}) } },
      placedAt: now,
    });
    return { shop, country, region, validOn, earliestDate: estimate.earliest, promisedDate: estimate.promisedDate, computedAt: now };
  });
  await client.$transaction(async (tx) => {
    await tx.deliveryQuote.deleteMany({ where: { shop } });
    if (rows.length) await tx.deliveryQuote.createMany({ data: rows });
  });
  return { quotes: rows.length, validOn };
}
