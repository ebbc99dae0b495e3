import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleSurfaceOfferRequest } from "~/offers/surface-endpoints.server";

/** GET /api/offers?surface=thank_you|order_status&orderId=<gid>: the block's offer or code (session-token auth, CORS). */
export const loader = ({ request }: LoaderFunctionArgs) => handleSurfaceOfferRequest(request);

/** Not part of the contract. (Remix hands the CORS preflight, OPTIONS, to the loader, which the library answers.) */
export const action = ({ request }: ActionFunctionArgs) =>
  request.method === "OPTIONS" ? handleSurfaceOfferRequest(request) : new Response(null, { status: 405, headers: { Allow: "GET, OPTIONS" } });
