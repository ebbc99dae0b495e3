/**
 * The carriers Aftercare knows by id: display name and public tracking page. `Shipment.carrier` stores these
 * ids; a fulfillment's company we cannot place is stored as given and shown as is.
 */
export const CARRIERS = {
  ups: { name: "UPS", trackingUrl: "https://www.ups.com/track?tracknum=%s" },
  usps: { name: "USPS", trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels=%s" },
  fedex: { name: "FedEx", trackingUrl: "https://www.fedex.com/fedextrack/?trknbr=%s" },
  dhl_express: { name: "DHL Express", trackingUrl: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=%s" },
  dhl_ecommerce: { name: "DHL eCommerce", trackingUrl: "https://www.dhl.com/us-en/home/tracking/tracking-ecommerce.html?submit=1&tracking-id=%s" },
  amazon: { name: "Amazon Logistics", trackingUrl: "https://track.amazon.com/tracking/%s" },
  ontrac: { name: "OnTrac", trackingUrl: "https://www.ontrac.com/tracking/?number=%s" },
  canada_post: { name: "Canada Post", trackingUrl: "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=%s" },
  royal_mail: { name: "Royal Mail", trackingUrl: "https://www.royalmail.com/track-your-item#/tracking-results/%s" },
  australia_post: { name: "Australia Post", trackingUrl: "https://auspost.com.au/mypost/track/details/%s" },
  deutsche_post: { name: "Deutsche Post DHL", trackingUrl: "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=%s" },
  la_poste: { name: "La Poste Colissimo", trackingUrl: "https://www.laposte.fr/outils/suivre-vos-envois?code=%s" },
  postnl: { name: "PostNL", trackingUrl: "https://jouw.postnl.nl/track-and-trace/%s" },
} as const satisfies Record<string, { name: string; trackingUrl: string }>;

export type CarrierId = keyof typeof CARRIERS;

/** The national post that issues S10 numbers ending in each country code, where we know its tracking page. */
export const POSTAL_CARRIER_BY_COUNTRY: Readonly<Record<string, CarrierId>> = {
  US: "usps",
  CA: "canada_post",
  GB: "royal_mail",
  AU: "australia_post",
  DE: "deutsche_post",
  FR: "la_poste",
  NL: "postnl",
};

/** Whether a stored carrier string is one of our ids. */
export function isCarrierId(value: string): value is CarrierId {
  return Object.hasOwn(CARRIERS, value);
}

/** The name to show for a stored carrier: ours for an id, otherwise the stored text as is. */
export function carrierDisplayName(carrier: string): string {
  return isCarrierId(carrier) ? CARRIERS[carrier].name : carrier;
}

/** The carrier's public tracking page for a compact tracking number. */
export function carrierTrackingUrl(carrier: CarrierId, compactNumber: string): string {
  return CARRIERS[carrier].trackingUrl.replace("%s", encodeURIComponent(compactNumber));
}
