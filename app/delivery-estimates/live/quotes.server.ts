import { inChunks } from "~/db/in-chunks";
import type { Db } from "~/db.server";
import { isoDateOf, localEpochDay } from "../local-date";
import { DEFAULT_ORIGIN } from "./quote-lookup";
import { countryCodeOf } from "./shipment-facts";
import { shopEstimator } from "./shop-estimator.server";
import { usableTimeZone } from "~/time-zone";
import { usualOrigins, type ShippedVariant, type VariantOrigin } from "./variant-origin";

/** Destinations the shop shipped to recently get their own quote; older ones fall back to the country's. */
const RECENT_DAYS = 180;

export interface QuoteRefresh {
  quotes: number;
  /** Variants quoted from the location they usually ship from (only when the shop ships from more than one). */
  variants: number;
  validOn: string;
}

/**
 * Precomputes the storefront's "Get it by" answers at `now`: the promise for an order placed now, per country and
 * per region the shop has shipped to (from its delivery history and recent orders), so the storefront endpoint
 * only looks one up. A shop shipping from several locations also gets each location's quotes (their handling
 * times differ) and each variant's usual location. Replaces the shop's previous quotes.
 */
export async function refreshShopQuotes(client: Db, shop: string, options: { now?: Date } = {}): Promise<QuoteRefresh> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
  const [observed, origins, ordered] = await Promise.all([
    client.deliveryObservation.findMany({ where: { shop, deliveredAt: { gte: since } }, select: { destinationCountry: true, destinationRegion: true }, distinct: ["destinationCountry", "destinationRegion"] }),
    client.deliveryObservation.findMany({ where: { shop, deliveredAt: { gte: since }, originId: { not: DEFAULT_ORIGIN } }, select: { originId: true }, distinct: ["originId"] }),
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

  const estimator = await shopEstimator(client, shop, now);
  const zone = (await client.shop.findUnique({ where: { shop }, select: { ianaTimezone: true } }))?.ianaTimezone;
  const validOn = isoDateOf(localEpochDay(now, usableTimeZone(zone)));
  // One location's history is the whole history: its own quotes would only repeat the default ones.
  const locations = origins.length > 1 ? origins.map((row) => row.originId).sort() : [];
  const rows = [DEFAULT_ORIGIN, ...locations].flatMap((originId) =>
    [...destinations.values()].map(({ country, region }) => {
      const estimate = estimator.promise({
        stage: "purchase",
        facts: { originId, origin: { country }, destination: { country, ...(region ? { region } : {}) } },
        placedAt: now,
      });
      return { shop, originId, country, region, validOn, earliestDate: estimate.earliest, promisedDate: estimate.promisedDate, computedAt: now };
    }),
  );
  const variants = locations.length ? (await usualOriginsOf(client, shop, since)).filter((row) => locations.includes(row.originId)) : [];
  await client.$transaction(async (tx) => {
    await tx.deliveryQuote.deleteMany({ where: { shop } });
    if (rows.length) await tx.deliveryQuote.createMany({ data: rows });
    await tx.deliveryVariantOrigin.deleteMany({ where: { shop } });
    if (variants.length) await tx.deliveryVariantOrigin.createMany({ data: variants.map((row) => ({ shop, ...row })) });
  });
  return { quotes: rows.length, variants: variants.length, validOn };
}

/** Each variant's usual location, from the shop's fulfillments since `since`. */
async function usualOriginsOf(client: Db, shop: string, since: Date): Promise<VariantOrigin[]> {
  const fulfillments = await client.fulfillment.findMany({ where: { shop, shopifyCreatedAt: { gte: since }, locationId: { not: null } }, select: { id: true, locationId: true } });
  const locationOf = new Map(fulfillments.map((row) => [row.id, row.locationId!]));
  const fulfilled = await inChunks([...locationOf.keys()], (ids) => client.fulfillmentLineItem.findMany({ where: { shop, fulfillmentId: { in: ids } }, select: { fulfillmentId: true, lineItemId: true } }));
  const items = await inChunks([...new Set(fulfilled.map((row) => row.lineItemId))], (ids) =>
    client.lineItem.findMany({ where: { shop, id: { in: ids }, variantId: { not: null } }, select: { id: true, variantId: true } }),
  );
  const variantOf = new Map(items.map((item) => [item.id, item.variantId!]));
  const shipped: ShippedVariant[] = fulfilled.flatMap((row) => {
    const variantId = variantOf.get(row.lineItemId);
    return variantId ? [{ variantId, originId: locationOf.get(row.fulfillmentId)! }] : [];
  });
  return usualOrigins(shipped);
}
