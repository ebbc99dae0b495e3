import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OverviewPage } from "~/admin/overview/OverviewPage";
import { getShopOverview } from "~/analytics/overview.server";
import { db } from "~/db.server";
import { DEFAULT_METRIC_PERIOD } from "~/returns/metrics-period";
import { loadReturnsMetrics } from "~/returns/metrics.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Overview · Aftercare" }];

/** The authenticated shop's overview and returns headline, computed from its own stored rows only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const now = new Date();
  const [overview, returns] = await Promise.all([getShopOverview(db(), session.shop, now), loadReturnsMetrics(db(), session.shop, DEFAULT_METRIC_PERIOD, now)]);
  return { overview, returns };
}

export default function Home() {
  const { overview, returns } = useLoaderData<typeof loader>();
  return <OverviewPage overview={overview} returns={returns} />;
}
