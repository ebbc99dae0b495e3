import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleSurfaceEventRequest } from "~/offers/surface-endpoints.server";

/** POST /api/offers/events: an impression or click of an offer on the thank-you or order-status block. */
export const action = ({ request }: ActionFunctionArgs) => handleSurfaceEventRequest(request);

/** Remix hands OPTIONS (the browser's CORS preflight of the POST) to the loader; the library answers it. */
export const loader = ({ request }: LoaderFunctionArgs) =>
  request.method === "OPTIONS" ? handleSurfaceEventRequest(request) : new Response(null, { status: 405, headers: { Allow: "POST, OPTIONS" } });
