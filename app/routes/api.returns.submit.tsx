import type { ActionFunctionArgs } from "@remix-run/node";
import { accountDeps, handleReturnSubmit } from "~/returns/account/endpoints.server";

/** POST /api/returns/submit: submits the return once per idempotency key (CORS preflight too). */
export const action = async ({ request }: ActionFunctionArgs) => handleReturnSubmit(request, await accountDeps());
