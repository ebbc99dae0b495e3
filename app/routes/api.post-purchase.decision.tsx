import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleDecisionRequest } from "~/offers/post-purchase-endpoints.server";

/** POST /api/post-purchase/decision for the post-purchase extension (Bearer = Shopify's input token; see app/offers/surface-contract.ts). */
export const action = ({ request }: ActionFunctionArgs) => handleDecisionRequest(request);

/** GET is not part of the contract. Remix hands OPTIONS (the browser's CORS preflight) to the loader, not the action. */
export const loader = ({ request }: LoaderFunctionArgs) =>
  request.method === "OPTIONS" ? handleDecisionRequest(request) : new Response(null, { status: 405, headers: { Allow: "POST, OPTIONS" } });
