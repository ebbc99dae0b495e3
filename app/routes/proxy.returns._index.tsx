import type { LoaderFunctionArgs } from "@remix-run/node";
import { portalDeps } from "~/returns/portal/backend.server";
import { showReturnPortal } from "~/returns/portal/portal.server";

/** Storefront /apps/track/returns (through Shopify's app proxy): the logged-in customer's orders to return from. */
export const loader = ({ request }: LoaderFunctionArgs) => showReturnPortal(request, portalDeps());
