/**
 * Carriers Shopify recognises by name, with the tracking page Shopify fills in when a fulfillment
 * names a known company but no URL.
 */
const TRACKING_URLS: Record<string, (number: string) => string> = {
  UPS: (n) => `https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=${n}`,
  USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  FedEx: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  "DHL Express": (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}&brand=DHL`,
  "DHL eCommerce": (n) => `https://webtrack.dhlglobalmail.com/?trackingnumber=${n}`,
  "Canada Post": (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${n}`,
  "Royal Mail": (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`,
  "Australia Post": (n) => `https://auspost.com.au/mypost/track/#/details/${n}`,
  PostNL: (n) => `https://postnl.nl/tracktrace/?B=${n}`,
  "Deutsche Post": (n) => `https://www.deutschepost.de/sendung/simpleQuery.html?form.sendungsnummer=${n}`,
};

export const KNOWN_CARRIERS = Object.keys(TRACKING_URLS);

export function trackingUrlFor(company: string | null, number: string): string | null {
  if (!company) return null;
  const build = TRACKING_URLS[company];
  return build ? build(encodeURIComponent(number)) : null;
}
