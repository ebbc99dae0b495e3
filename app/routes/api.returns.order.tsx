import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { accountDeps, handleReturnOrder } from "~/returns/account/endpoints.server";

/** GET /api/returns/order?orderId=<gid>&locale=…: the order's returnable items for the order-action extension. */
export const loader = async ({ request }: LoaderFunctionArgs) => handleReturnOrder(request, await accountDeps());

/** Only the browser's CORS preflight (OPTIONS) arrives here; the library answers it. */
export const action = async ({ request }: ActionFunctionArgs) =>
  request.method === "OPTIONS" ? handleReturnOrder(request, await accountDeps()) : new Response(null, { status: 405, headers: { Allow: "GET, OPTIONS" } });
