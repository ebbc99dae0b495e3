import type { LoaderFunctionArgs } from "@remix-run/node";
import { showLookupForm } from "~/tracking-page/tracking-page.server";

/** Storefront /apps/track (through Shopify's app proxy): the order look-up form. */
export const loader = ({ request }: LoaderFunctionArgs) => showLookupForm(request);
