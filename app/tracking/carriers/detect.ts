import { amazon, dhl, fedex, getTracking, ontrac, s10, ups, usps, type TrackingCourier, type TrackingData } from "ts-tracking-number";
import { isCarrierId, POSTAL_CARRIER_BY_COUNTRY, type CarrierId } from "./carrier-registry";
import { compactTrackingNumber } from "./tracking-number";

/** What a tracking number says about itself when its format and check digit are valid. */
export interface TrackingNumberDetection {
  /** Our carrier id, or null when the issuer is not one we link to (a small country's post). */
  carrier: CarrierId | null;
  /** Who issued the number, for display when `carrier` is null. */
  issuerName: string;
  /** The service level when the number encodes it (UPS, USPS, S10, FedEx product), else null. */
  service: string | null;
  /** The number compacted (upper case, no spaces or dashes). */
  trackingNumber: string;
}

// USPS before FedEx: a 22-digit "92…" IMpb number also fits FedEx SmartPost's pattern, and USPS delivers
// (and tracks) both. Otherwise the library's order, which its own test numbers hold unambiguous.
const COURIERS: readonly TrackingCourier[] = [amazon, dhl, usps, fedex, ontrac, s10, ups];

/** The library's DHL formats belong to different DHL businesses (and tracking pages). */
const CARRIER_BY_FORMAT: Readonly<Record<string, CarrierId>> = {
  "DHL Express": "dhl_express",
  "DHL Express (Piece ID)": "dhl_express",
  "DHL E-Commerce": "dhl_ecommerce",
};

const SERVICE_BY_FORMAT: Readonly<Record<string, string>> = {
  "FedEx Express (12)": "FedEx Express",
  "FedEx Express (34)": "FedEx Express",
  "FedEx Ground": "FedEx Ground",
  "FedEx Ground (SSCC-18)": "FedEx Ground",
  "FedEx Ground 96 (22)": "FedEx Ground",
  "FedEx Ground GSN": "FedEx Ground",
  "FedEx SmartPost": "FedEx Ground Economy",
};

/**
 * Carrier, issuer and service of a tracking number from its format and check digit (ts-tracking-number), or
 * null when it matches no known format or its check digit is wrong. Odd input (blank, HTML, very long) is null.
 */
export function detectTrackingNumber(raw: string): TrackingNumberDetection | null {
  const compact = compactTrackingNumber(raw);
  if (!compact) return null;
  const match = getTracking(compact, COURIERS);
  if (!match) return null;
  const format = formatNamed(match.courier.code, match.name);
  const groups = format ? namedGroups(format, compact) : {};
  if (match.courier.code === "s10") return s10Detection(format, groups, compact);
  const carrier = CARRIER_BY_FORMAT[match.name] ?? (isCarrierId(match.courier.code) ? match.courier.code : null);
  return {
    carrier,
    issuerName: match.courier.name,
    service: (format && lookupName(format, "ServiceType", groups)) ?? SERVICE_BY_FORMAT[match.name] ?? null,
    trackingNumber: compact,
  };
}

function s10Detection(format: TrackingData | undefined, groups: Record<string, string>, compact: string): TrackingNumberDetection {
  const country = compact.slice(-2);
  const issuer = format && lookupEntry(format, "CountryCode", groups);
  return {
    carrier: POSTAL_CARRIER_BY_COUNTRY[country] ?? null,
    issuerName: (issuer && "courier" in issuer ? issuer.courier : null) ?? `Postal service (${country})`,
    service: (format && lookupName(format, "ServiceType", groups)) ?? null,
    trackingNumber: compact,
  };
}

function formatNamed(courierCode: string, name: string): TrackingData | undefined {
  return COURIERS.filter((courier) => courier.courier_code === courierCode)
    .flatMap((courier) => courier.tracking_numbers)
    .find((format) => format.name === name);
}

function namedGroups(format: TrackingData, compact: string): Record<string, string> {
  const pattern = typeof format.regex === "string" ? format.regex : format.regex.join("");
  return new RegExp(`^${pattern}$`).exec(compact)?.groups ?? {};
}

type Lookup = NonNullable<TrackingData["additional"]>[number]["lookup"][number];

// The library matches these lookups but does not return them (its "@todo add lookups").
function lookupEntry(format: TrackingData, groupName: string, groups: Record<string, string>): Lookup | undefined {
  const value = groups[groupName]?.replace(/\s/g, "");
  if (!value) return undefined;
  const lookups = format.additional?.find((additional) => additional.regex_group_name === groupName)?.lookup ?? [];
  return lookups.find((entry) =>
    "matches_regex" in entry ? new RegExp(`^(?:${entry.matches_regex})$`).test(value) : entry.matches === value,
  );
}

function lookupName(format: TrackingData, groupName: string, groups: Record<string, string>): string | undefined {
  const entry = lookupEntry(format, groupName, groups);
  return entry && "name" in entry ? entry.name : undefined;
}
