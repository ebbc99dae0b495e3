/** @jsxImportSource preact */
import { useEffect, useState } from "preact/hooks";
import type { BlockSurface, OfferBlockApi, OfferEventRequest, SurfaceOfferResponse } from "./contract";
import { loadSurfaceOffer, postOfferEvent } from "./offer-api";
import { OfferView } from "./OfferView";

type State = { kind: "loading" } | { kind: "hidden" } | { kind: "shown"; view: SurfaceOfferResponse };

interface Props {
  api: OfferBlockApi;
  appUrl: string;
  surface: BlockSurface;
  fetchImpl?: typeof fetch;
}

/**
 * The offer block of the thank-you and order-status pages: asks the app for this order's offer, shows it,
 * and counts one impression per offer or next-order code shown, each click through to the product and each
 * copy of the code.
 */
export function OfferBlock({ api, appUrl, surface, fetchImpl }: Props) {
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    const orderId = api.orderId;
    if (!orderId) {
      setState({ kind: "hidden" });
      return;
    }
    let current = true;
    // A marketing block that cannot load stays out of the way: the shopper came for their order, not for
    // an error about an offer they never asked for.
    loadSurfaceOffer(appUrl, surface, orderId, api.getSessionToken, fetchImpl).then(
      (view) => current && setState(view.offer || view.discountCode ? { kind: "shown", view } : { kind: "hidden" }),
      () => current && setState({ kind: "hidden" }),
    );
    return () => {
      current = false;
    };
  }, [api.orderId]);

  const offer = state.kind === "shown" ? state.view.offer : null;
  const code = state.kind === "shown" ? state.view.discountCode : null;
  const track = (subject: { offerId: string; armId: string } | null, kind: OfferEventRequest["kind"]) => {
    if (!subject || !api.orderId) return;
    const event: OfferEventRequest = { surface, orderId: api.orderId, offerId: subject.offerId, armId: subject.armId, kind };
    // Measurement must never break the page; a lost event only costs a count.
    postOfferEvent(appUrl, event, api.getSessionToken, fetchImpl).catch(() => undefined);
  };

  // One impression per offer (and per code) shown, however often the block re-renders.
  useEffect(() => {
    track(offer, "impression");
  }, [offer?.offerId, offer?.armId]);
  useEffect(() => {
    track(code, "code_impression");
  }, [code?.code]);

  if (state.kind !== "shown") return null;
  return <OfferView view={state.view} text={api} onProductClick={() => track(offer, "click")} onCodeCopy={() => track(code, "code_copy")} />;
}
