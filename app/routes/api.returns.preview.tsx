import type { ActionFunctionArgs } from "@remix-run/node";
import { accountDeps, handleReturnPreview } from "~/returns/account/endpoints.server";

/** POST /api/returns/preview: checks the extension's draft through one step and answers the next (CORS preflight too). */
export const action = async ({ request }: ActionFunctionArgs) => handleReturnPreview(request, await accountDeps());
