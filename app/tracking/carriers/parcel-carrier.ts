import { carrierFromCompany, isUnnamedCompany } from "./carrier-names";
import { carrierTrackingUrl, type CarrierId } from "./carrier-registry";
import { detectTrackingNumber } from "./detect";
import { compactTrackingNumber } from "./tracking-number";

/** What a fulfillment says about one parcel. */
export interface ParcelFacts {
  trackingNumber: string;
  trackingCompany: string | null;
  trackingUrl: string | null;
  service: string | null;
}

/** The carrier fields a shipment stores. */
export interface ParcelCarrier {
  /** The number compacted for matching carrier updates; null when it is not a plausible tracking number. */
  trackingKey: string | null;
  /** Our carrier id, else the company (or issuing post) by name, else null. */
  carrier: string | null;
  service: string | null;
  trackingUrl: string | null;
}

const MAX_COMPANY_LENGTH = 100;

/**
 * Carrier, service and tracking link of a parcel. The fulfillment's own tracking company wins when it names
 * one (normalised to our id when we know it); otherwise the number's format decides. A link Shopify or the
 * merchant gave wins over ours when it is a web address; an unknown carrier gets no link.
 */
export function resolveParcelCarrier(parcel: ParcelFacts): ParcelCarrier {
  const detection = detectTrackingNumber(parcel.trackingNumber);
  const company = isUnnamedCompany(parcel.trackingCompany) ? null : parcel.trackingCompany!.trim().slice(0, MAX_COMPANY_LENGTH);
  const named = company ? carrierFromCompany(company) : null;
  const carrier: CarrierId | null = company ? named : detection?.carrier ?? null;
  const sameCarrier = !company || (named !== null && named === detection?.carrier);
  const trackingKey = compactTrackingNumber(parcel.trackingNumber);
  return {
    trackingKey,
    carrier: carrier ?? company ?? detection?.issuerName ?? null,
    service: (sameCarrier ? detection?.service : null) ?? parcel.service,
    trackingUrl: webAddress(parcel.trackingUrl) ?? (carrier && trackingKey ? carrierTrackingUrl(carrier, trackingKey) : null),
  };
}

/** The URL when it is an absolute http(s) address; anything else (javascript:, relative, junk) is dropped. */
function webAddress(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? url.trim() : null;
  } catch {
    return null;
  }
}
