import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ShipmentDetailPage } from "~/admin/shipments/ShipmentDetailPage";
import { db } from "~/db.server";
import { httpStatusOf, NotFoundError } from "~/errors";
import { getShipmentDetail } from "~/shipments/detail.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Shipment · Aftercare" }];

/** One of the shop's parcels; any id the shop does not own is a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  try {
    return { detail: await getShipmentDetail(db(), session.shop, params.id ?? "") };
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Shipment not found", { status: httpStatusOf(error) });
    throw error;
  }
}

export default function Shipment() {
  const { detail } = useLoaderData<typeof loader>();
  return <ShipmentDetailPage detail={detail} />;
}
