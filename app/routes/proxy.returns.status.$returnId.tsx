import type { LoaderFunctionArgs } from "@remix-run/node";
import { portalDeps } from "~/returns/portal/backend.server";
import { showReturnStatus } from "~/returns/portal/portal.server";

/** Storefront /apps/track/returns/status/<return id>: where one of the customer's returns stands. */
export const loader = ({ request, params }: LoaderFunctionArgs) => showReturnStatus(request, params.returnId ?? "", portalDeps());
