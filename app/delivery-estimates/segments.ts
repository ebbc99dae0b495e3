import type { Place, ShipmentFacts } from "./schemas";
import type { SegmentLevel } from "./hazard-store";

/** The first three characters of a postal code: a ZIP3, an FSA, a Brazilian CEP sector. */
export function postalPrefix(postalCode: string | undefined): string | undefined {
  const normalised = postalCode?.toUpperCase().replace(/[^0-9A-Z]/g, "");
  return normalised && normalised.length >= 3 ? normalised.slice(0, 3) : undefined;
}

const regionOf = (place: Place) => `${place.country}-${place.region ?? "?"}`;

/** Where handling-time history is pooled, broadest first: everyone, the origin's region, the location itself. */
export function handlingChain(facts: ShipmentFacts): SegmentLevel[] {
  return [
    { name: "all locations", key: "*" },
    { name: "origin region", key: regionOf(facts.origin) },
    { name: "location", key: facts.originId },
  ];
}

/**
 * Where transit-time history is pooled, broadest first: the carrier service, the destination region, the
 * region-to-region lane, then the lane to the destination's postal area.
 */
export function transitChain(facts: ShipmentFacts): SegmentLevel[] {
  const service = facts.carrier ? `${facts.carrier}/${facts.service ?? "*"}` : "*";
  const chain: SegmentLevel[] = [{ name: "all shipments", key: "*" }];
  if (facts.carrier) chain.push({ name: "carrier service", key: service });
  chain.push({ name: "destination region", key: `${service}|${regionOf(facts.destination)}` });
  chain.push({ name: "lane", key: `${service}|${regionOf(facts.origin)}>${regionOf(facts.destination)}` });
  const prefix = postalPrefix(facts.destination.postalCode);
  if (prefix) chain.push({ name: "lane to postal area", key: `${service}|${regionOf(facts.origin)}>${facts.destination.country}-${prefix}` });
  return chain;
}
