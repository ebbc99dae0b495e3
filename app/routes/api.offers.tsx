import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleSurfaceOfferRequest } from "~/offers/surface-endpoints.server";

/** GET /api/offers?surface=thank_you|order_status&orderId=<gid>: the block's offer or code (session-token auth, CORS). */
export const loader = ({ request }: LoaderFunctionArgs) => handleSurfaceOfferRequest(request);

/** Only the browser's CORS preflight (OPTIONS) arrives here; the library answers it. */
export const action = ({ request }: ActionFunctionArgs) =>
  request.method === "OPTIONS" ? handleSurfaceOfferRequest(request) : new Response(null, { status: 405, headers: { Allow: "GET, OPTIONS" } });
