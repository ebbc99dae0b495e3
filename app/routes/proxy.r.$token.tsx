import type { LoaderFunctionArgs } from "@remix-run/node";
import { followMarketingLink } from "~/tracking-page/tracking-page.server";

/** Storefront /apps/track/r/<signed token>: a counted click in the marketing block, redirected onwards. */
export const loader = ({ request, params }: LoaderFunctionArgs) => followMarketingLink(request, params.token ?? "");
