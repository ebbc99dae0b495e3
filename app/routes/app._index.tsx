import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OverviewPage } from "~/admin/overview/OverviewPage";
import { getShopOverview } from "~/analytics/overview.server";
import { db } from "~/db.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Overview · Aftercare" }];

/** The authenticated shop's overview, computed from its own stored rows only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  return { overview: await getShopOverview(db(), session.shop, new Date()) };
}

export default function Home() {
  const { overview } = useLoaderData<typeof loader>();
  return <OverviewPage overview={overview} />;
}
