import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { portalDeps } from "~/returns/portal/backend.server";
import { handleReturnStep, showReturnItems } from "~/returns/portal/portal.server";

/** Storefront /apps/track/returns/<order id>: the return steps of one of the customer's orders. */
export const loader = ({ request, params }: LoaderFunctionArgs) => showReturnItems(request, params.orderId ?? "", portalDeps());

/** Each step posts here; the answer is the next step's page (no redirect: see lookUpOrder in app/tracking-page). */
export const action = ({ request, params }: ActionFunctionArgs) => handleReturnStep(request, params.orderId ?? "", portalDeps());
