import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { accountDeps, handleReturnStatus } from "~/returns/account/endpoints.server";

/** GET /api/returns/status?returnId=<id>&locale=…: where one of the customer's returns stands. */
export const loader = async ({ request }: LoaderFunctionArgs) => handleReturnStatus(request, await accountDeps());

/** Only the browser's CORS preflight (OPTIONS) arrives here; the library answers it. */
export const action = async ({ request }: ActionFunctionArgs) =>
  request.method === "OPTIONS" ? handleReturnStatus(request, await accountDeps()) : new Response(null, { status: 405, headers: { Allow: "GET, OPTIONS" } });
