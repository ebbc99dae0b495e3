import type { BlockSurface, OfferEventRequest, SurfaceOfferResponse } from "./contract";

/** The backend answered something other than an offer answer (expired session, outage, wrong shape). */
export class OfferRequestFailed extends Error {
  constructor(readonly status: number) {
    super(`offer request failed with ${status}`);
  }
}

type TokenSource = () => Promise<string>;

/** Asks the app which offer (or next-order code) this order's shopper should see on a surface. */
export async function loadSurfaceOffer(
  appUrl: string,
  surface: BlockSurface,
  orderId: string,
  getSessionToken: TokenSource,
  fetchImpl: typeof fetch = fetch,
): Promise<SurfaceOfferResponse> {
  const url = `${appUrl}/api/offers?surface=${surface}&orderId=${encodeURIComponent(orderId)}`;
  const response = await fetchImpl(url, { headers: { Authorization: `Bearer ${await getSessionToken()}` } });
  if (!response.ok) throw new OfferRequestFailed(response.status);
  const body = (await response.json()) as Partial<SurfaceOfferResponse> | null;
  // A schema library would double the bundle; the fields the view dereferences are checked instead.
  if (!body || !isOfferOrNull(body.offer) || !isCodeOrNull(body.discountCode)) throw new OfferRequestFailed(response.status);
  return { offer: body.offer, discountCode: body.discountCode };
}

function isOfferOrNull(offer: unknown): offer is SurfaceOfferResponse["offer"] {
  if (offer === null) return true;
  const o = offer as SurfaceOfferResponse["offer"] | undefined;
  return typeof o?.offerId === "string" && typeof o.product?.title === "string" && typeof o.discountedPrice?.amount === "string" && typeof o.originalPrice?.amount === "string";
}

function isCodeOrNull(code: unknown): code is SurfaceOfferResponse["discountCode"] {
  if (code === null) return true;
  const c = code as SurfaceOfferResponse["discountCode"] | undefined;
  return typeof c?.code === "string" && typeof c.endsAt === "string" && typeof c.offerId === "string";
}

/** Records an impression or click; keepalive so a click that navigates away is still counted. */
export async function postOfferEvent(appUrl: string, event: OfferEventRequest, getSessionToken: TokenSource, fetchImpl: typeof fetch = fetch): Promise<void> {
  const response = await fetchImpl(`${appUrl}/api/offers/events`, {
    method: "POST",
    keepalive: true,
    headers: { Authorization: `Bearer ${await getSessionToken()}`, "Content-Type": "application/json" },
    body: JSON.stringify(event),
  });
  if (!response.ok) throw new OfferRequestFailed(response.status);
}
