import { getTimezonesForCountry } from "countries-and-timezones";

/**
 * The shopper's IANA time zone (quiet hours, dates on the tracking page). We hold the shipping country, not a zone: a domestic order is
 * in the shop's zone (close enough even in a multi-zone country), a foreign one in its country's zone — for a
 * country with several, the one with the median UTC offset, at most a few hours from the shopper's. Without a
 * country, the shop's zone.
 */
export function shopperTimeZone(shippingCountry: string | null | undefined, shop: { timeZone: string | null; country?: string | null }): string {
  const fallback = shop.timeZone ?? "UTC";
  const country = shippingCountry?.trim().toUpperCase();
  if (!country) return fallback;
  const zones = getTimezonesForCountry(country, { deprecated: false }) ?? [];
  if (!zones.length) return fallback;
  if (zones.some((zone) => zone.name === shop.timeZone) || country === shop.country?.toUpperCase()) return fallback;
  // Zones shared with another country (Europe/Zurich for Büsingen, Germany) are not the country's own.
  const own = zones.filter((zone) => zone.countries[0] === country);
  const candidates = [...(own.length ? own : zones)].sort((a, b) => a.utcOffset - b.utcOffset || a.name.localeCompare(b.name));
  return candidates[Math.floor((candidates.length - 1) / 2)]!.name;
}
