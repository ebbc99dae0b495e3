import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ShipmentsPage, type ShipmentsListResult } from "~/admin/shipments/ShipmentsPage";
import { db } from "~/db.server";
import { InvalidInputError } from "~/errors";
import { listShipments } from "~/shipments/list.server";
import { parseShipmentListQuery } from "~/shipments/list-query";
import { authenticate } from "~/shopify.server";
import { getTrackingPageAnalytics } from "~/tracking-page/analytics.server";

export const meta: MetaFunction = () => [{ title: "Shipments · Aftercare" }];

const ANALYTICS_DAYS = 30;

/** The shop's shipments as the URL's filters, search, sort and cursor select them; bad parameters are a 422 page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const now = new Date();
  const analytics = {
    figures: await getTrackingPageAnalytics(db(), session.shop, { from: new Date(now.getTime() - ANALYTICS_DAYS * 86_400_000), to: now }),
    days: ANALYTICS_DAYS,
  };
  try {
    const query = parseShipmentListQuery(new URL(request.url).searchParams);
    const { after: _after, before: _before, ...filters } = query;
    const result: ShipmentsListResult = { ok: true, filters, page: await listShipments(db(), session.shop, query, { now }) };
    return data({ result, analytics });
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const result: ShipmentsListResult = { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    return data({ result, analytics }, { status: 422 });
  }
}

export default function Shipments() {
  const { result, analytics } = useLoaderData<typeof loader>();
  return <ShipmentsPage result={result} analytics={analytics} />;
}
