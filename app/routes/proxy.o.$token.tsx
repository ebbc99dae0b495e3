import type { LoaderFunctionArgs } from "@remix-run/node";
import { showOrderPage } from "~/tracking-page/tracking-page.server";

/** Storefront /apps/track/o/<signed token>: an order's tracking page (look-up result, notification links). */
export const loader = ({ request, params }: LoaderFunctionArgs) => showOrderPage(request, params.token ?? "");
