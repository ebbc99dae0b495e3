import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CarriersPage } from "~/admin/carriers/CarriersPage";
import { getCarrierAnalytics } from "~/analytics/carriers.server";
import { db } from "~/db.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Carriers · Aftercare" }];

const querySchema = z.object({ by: z.enum(["service", "lane", "month"]).catch("service") });

/** Carrier performance of the shop's own parcels (?by=service|lane|month) and a recommended carrier per destination. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const { by } = querySchema.parse({ by: new URL(request.url).searchParams.get("by") ?? undefined });
  return data(await getCarrierAnalytics(db(), session.shop, { groupBy: by }));
}

export default function Carriers() {
  const analytics = useLoaderData<typeof loader>();
  return <CarriersPage analytics={analytics} />;
}
