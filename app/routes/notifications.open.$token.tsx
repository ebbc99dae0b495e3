import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { countOpen } from "~/notifications/engagement-links.server";
import { TRANSPARENT_GIF } from "~/notifications/public-pages";

/** The open pixel: counts the open and answers a 1×1 GIF whatever the token (nothing to learn by probing). */
export async function loader({ params }: LoaderFunctionArgs) {
  await countOpen(db(), params.token ?? "");
  return new Response(TRANSPARENT_GIF, { headers: { "content-type": "image/gif", "cache-control": "no-store, max-age=0" } });
}
