import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleOfferRequest } from "~/offers/post-purchase-endpoints.server";

/** POST /api/post-purchase/offer for the post-purchase extension (Bearer = Shopify's input token; see app/offers/surface-contract.ts). */
export const action = ({ request }: ActionFunctionArgs) => handleOfferRequest(request);

/** GET is not part of the contract. Remix hands OPTIONS (the browser's CORS preflight) to the loader, not the action. */
export const loader = ({ request }: LoaderFunctionArgs) =>
  request.method === "OPTIONS" ? handleOfferRequest(request) : new Response(null, { status: 405, headers: { Allow: "POST, OPTIONS" } });
