import type { ActionFunctionArgs } from "@remix-run/node";
import { handleSurfaceEventRequest } from "~/offers/surface-endpoints.server";

/** POST /api/offers/events: an impression or click of an offer on the thank-you or order-status block. */
export const action = ({ request }: ActionFunctionArgs) => handleSurfaceEventRequest(request);
