import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { lookUpOrder, showLookupForm } from "~/tracking-page/tracking-page.server";

/** Storefront POST /apps/track/lookup: order number + email → the order's tracking page. */
export const action = ({ request }: ActionFunctionArgs) => lookUpOrder(request);

/** A GET here (a bookmarked or reloaded form result) shows the form again. */
export const loader = ({ request }: LoaderFunctionArgs) => showLookupForm(request);
