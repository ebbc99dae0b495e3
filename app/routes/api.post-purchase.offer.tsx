import type { ActionFunctionArgs } from "@remix-run/node";
import { handleOfferRequest } from "~/offers/post-purchase-endpoints.server";

/** POST /api/post-purchase/offer for the post-purchase extension (Bearer = Shopify's input token; see app/offers/surface-contract.ts). */
export const action = ({ request }: ActionFunctionArgs) => handleOfferRequest(request);

/** GET is not part of the contract; the browser's preflight arrives as OPTIONS at the action. */
export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST, OPTIONS" } });
