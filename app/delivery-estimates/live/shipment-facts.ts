import { postalPrefix } from "../segments";
import type { ShipmentHistory } from "../replay";
import type { ShipmentEvent, ShipmentFacts } from "../schemas";

/** The order columns refreshing or replaying its shipments reads: OrderForEstimate and whether it was cancelled. */
export const orderForEstimateSelect = { id: true, processedAt: true, cancelledAt: true, shippingCountry: true, shippingProvince: true, shippingZip: true } as const;

/** The order fields a promise needs: where it goes and when it was placed. */
export interface OrderForEstimate {
  id: string;
  processedAt: Date;
  shippingCountry: string | null;
  shippingProvince: string | null;
  shippingZip: string | null;
}

/** The fulfillment and parcel fields a promise needs: who ships it, how, and when it moved. */
export interface ParcelForEstimate {
  shipmentId: string;
  locationId: string | null;
  carrier: string | null;
  service: string | null;
  handedOffAt: Date;
}

/** One delivered parcel as the estimator learns from it (the DeliveryObservation row). */
export interface Observation {
  shipmentId: string;
  originId: string;
  originCountry: string;
  originRegion: string | null;
  destinationCountry: string;
  destinationRegion: string | null;
  destinationPostalPrefix: string | null;
  carrier: string | null;
  service: string | null;
  placedAt: Date;
  handedOffAt: Date;
  deliveredAt: Date;
}

const COUNTRY_CODE = /^[A-Z]{2}$/;

/** The destination's ISO country code, or null when the order has none (a promise needs a calendar). */
export function countryCodeOf(country: string | null): string | null {
  const code = country?.trim().toUpperCase() ?? "";
  return COUNTRY_CODE.test(code) ? code : null;
}

/**
 * What the estimator knows about a parcel of `order` before it moves. Locations carry no address in our data,
 * so a parcel is taken to leave from the destination's country (domestic shipping, the common case); the
 * location id still separates each warehouse's handling time. Null when the order has no usable country.
 */
export function shipmentFactsOf(order: OrderForEstimate, parcel: Omit<ParcelForEstimate, "shipmentId" | "handedOffAt"> | null): ShipmentFacts | null {
  const country = countryCodeOf(order.shippingCountry);
  if (!country) return null;
  return {
    originId: parcel?.locationId ?? "default",
    origin: { country },
    destination: {
      country,
      ...(order.shippingProvince?.trim() ? { region: order.shippingProvince.trim() } : {}),
      ...(order.shippingZip?.trim() ? { postalCode: order.shippingZip.trim() } : {}),
    },
    ...(parcel?.carrier ? { carrier: parcel.carrier } : {}),
    ...(parcel?.service ? { service: parcel.service } : {}),
  };
}

/** The compact, address-free record of a delivered parcel (postal prefix only). */
export function observationOf(facts: ShipmentFacts, times: { shipmentId: string; placedAt: Date; handedOffAt: Date; deliveredAt: Date }): Observation {
  return {
    shipmentId: times.shipmentId,
    originId: facts.originId,
    originCountry: facts.origin.country,
    originRegion: facts.origin.region ?? null,
    destinationCountry: facts.destination.country,
    destinationRegion: facts.destination.region ?? null,
    destinationPostalPrefix: postalPrefix(facts.destination.postalCode) ?? null,
    carrier: facts.carrier ?? null,
    service: facts.service ?? null,
    placedAt: times.placedAt,
    handedOffAt: times.handedOffAt,
    deliveredAt: times.deliveredAt,
  };
}

/** The facts an observation was recorded with (the postal prefix stands in for the postal code). */
export function factsOfObservation(observation: Observation): ShipmentFacts {
  return {
    originId: observation.originId,
    origin: { country: observation.originCountry, ...(observation.originRegion ? { region: observation.originRegion } : {}) },
    destination: {
      country: observation.destinationCountry,
      ...(observation.destinationRegion ? { region: observation.destinationRegion } : {}),
      ...(observation.destinationPostalPrefix ? { postalCode: observation.destinationPostalPrefix } : {}),
    },
    ...(observation.carrier ? { carrier: observation.carrier } : {}),
    ...(observation.service ? { service: observation.service } : {}),
  };
}

/** A delivered parcel as replayed; instants out of order (a late sync) are clamped so time never runs back. */
export function historyOfObservation(observation: Observation): ShipmentHistory & { handedOffAt: Date; deliveredAt: Date } {
  const handedOffAt = observation.handedOffAt < observation.placedAt ? observation.placedAt : observation.handedOffAt;
  const deliveredAt = observation.deliveredAt < handedOffAt ? handedOffAt : observation.deliveredAt;
  return { shipmentId: observation.shipmentId, facts: factsOfObservation(observation), placedAt: observation.placedAt, handedOffAt, deliveredAt };
}

/** The events one newly landed delivery feeds a live estimator: it already lived through earlier days. */
export function catchUpEvents(observation: Observation): ShipmentEvent[] {
  const { shipmentId, facts, placedAt, handedOffAt, deliveredAt } = historyOfObservation(observation);
  return [
    { kind: "handed_off", shipmentId, facts, at: handedOffAt, placedAt },
    { kind: "delivered", shipmentId, facts, at: deliveredAt, handedOffAt },
  ];
}
