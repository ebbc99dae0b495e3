import type { ActionFunctionArgs } from "@remix-run/node";
import { accountDeps, handleReturnPhoto } from "~/returns/account/endpoints.server";

/** POST /api/returns/photos: one photo for a return, checked by its bytes (CORS preflight too). */
export const action = async ({ request }: ActionFunctionArgs) => handleReturnPhoto(request, await accountDeps());
