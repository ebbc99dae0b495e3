import type {
  PostPurchaseDecisionRequest,
  PostPurchaseOfferRequest,
  PostPurchaseOfferResponse,
  PostPurchaseSignRequest,
  PostPurchaseSignResponse,
} from "./contract";

/** The app answered something other than success (forged/expired token, outage, wrong shape). */
export class PostPurchaseRequestFailed extends Error {
  constructor(readonly status: number) {
    super(`post-purchase request failed with ${status}`);
  }
}

/** The app's post-purchase endpoints, authenticated with the input token Shopify gave the extension. */
export function postPurchaseClient(appUrl: string, inputToken: string, fetchImpl: typeof fetch = fetch) {
  const post = async (path: string, body: unknown): Promise<Response> => {
    const response = await fetchImpl(`${appUrl}/api/post-purchase/${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${inputToken}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new PostPurchaseRequestFailed(response.status);
    return response;
  };
  return {
    /** The offer to show for this purchase, or render=false. */
    async offer(request: PostPurchaseOfferRequest): Promise<PostPurchaseOfferResponse> {
      const response = await post("offer", request);
      const body = (await response.json()) as Partial<PostPurchaseOfferResponse> | null;
      if (typeof body?.render !== "boolean") throw new PostPurchaseRequestFailed(response.status);
      const offer = body.offer ?? null;
      return { render: body.render && typeof offer?.offerId === "string", offer };
    },
    /** The changeset JWT Shopify applies; signed by the app, never by the extension. */
    async sign(request: PostPurchaseSignRequest): Promise<string> {
      const response = await post("sign", request);
      const body = (await response.json()) as Partial<PostPurchaseSignResponse> | null;
      if (typeof body?.token !== "string" || body.token === "") throw new PostPurchaseRequestFailed(response.status);
      return body.token;
    },
    /** Records the shopper's accept or decline (once per purchase and offer, on the app's side). */
    async decide(request: PostPurchaseDecisionRequest): Promise<void> {
      await post("decision", request);
    },
  };
}

export type PostPurchaseClient = ReturnType<typeof postPurchaseClient>;
