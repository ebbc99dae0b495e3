import { z } from "zod";
import { env } from "~/env.server";
import { unauthenticated } from "~/shopify.server";
import { armIdSchema, bearerToken, handleExtensionRequest, offerIdSchema, readJsonBody, referenceIdSchema } from "./extension-http.server";
import { authenticatePurchase, decideOffer, offerForPurchase, type PostPurchaseDeps, signAcceptedOffer } from "./post-purchase.server";
import { db } from "~/db.server";
import type { PostPurchaseSignResponse } from "./surface-contract";

/** The three post-purchase endpoints, as the routes call them (see surface-contract.ts). */

const offerBody = z.object({ referenceId: referenceIdSchema });
const signBody = z.object({ referenceId: referenceIdSchema, offerId: offerIdSchema, armId: armIdSchema });
const decisionBody = signBody.extend({ decision: z.enum(["accepted", "declined"]) });

function deps(): PostPurchaseDeps {
  const config = env();
  return {
    client: db(),
    apiKey: config.SHOPIFY_API_KEY,
    secret: config.SHOPIFY_API_SECRET,
    adminFor: async (shop) => (await unauthenticated.admin(shop)).admin,
  };
}

const noStore = { headers: { "Cache-Control": "no-store" } };

/** POST /api/post-purchase/offer */
export function handleOfferRequest(request: Request): Promise<Response> {
  return handleExtensionRequest(request, async () => {
    const token = bearerToken(request);
    const body = await readJsonBody(request, offerBody);
    const context = deps();
    const purchase = await authenticatePurchase(context, token, body.referenceId);
    return Response.json(await offerForPurchase(context, purchase), noStore);
  });
}

/** POST /api/post-purchase/sign */
export function handleSignRequest(request: Request): Promise<Response> {
  return handleExtensionRequest(request, async () => {
    const token = bearerToken(request);
    const body = await readJsonBody(request, signBody);
    const context = deps();
    const purchase = await authenticatePurchase(context, token, body.referenceId);
    const answer: PostPurchaseSignResponse = { token: await signAcceptedOffer(context, purchase, body) };
    return Response.json(answer, noStore);
  });
}

/** POST /api/post-purchase/decision */
export function handleDecisionRequest(request: Request): Promise<Response> {
  return handleExtensionRequest(request, async () => {
    const token = bearerToken(request);
    const body = await readJsonBody(request, decisionBody);
    const context = deps();
    const purchase = await authenticatePurchase(context, token, body.referenceId);
    await decideOffer(context, purchase, body);
    return new Response(null, { status: 204 });
  });
}
