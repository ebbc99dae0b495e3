import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { followClick } from "~/notifications/engagement-links.server";
import { invalidLinkPage } from "~/notifications/public-pages";

/** A counted redirect to a link we signed into a message; anything else is a 404, never an open redirect. */
export async function loader({ params }: LoaderFunctionArgs) {
  const destination = await followClick(db(), params.token ?? "");
  if (!destination) return new Response(invalidLinkPage(), { status: 404, headers: { "content-type": "text/html; charset=utf-8" } });
  return new Response(null, { status: 302, headers: { location: destination, "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}
