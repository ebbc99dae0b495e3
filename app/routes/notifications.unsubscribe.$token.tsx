import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { invalidLinkPage, unsubscribeConfirmPage, unsubscribedPage } from "~/notifications/public-pages";
import { readUnsubscribeToken, unsubscribeWithToken } from "~/notifications/unsubscribe.server";

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" } });

/** GET: a confirmation page (link scanners must not unsubscribe anyone). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const target = await readUnsubscribeToken(params.token ?? "");
  return target ? html(unsubscribeConfirmPage(new URL(request.url).pathname)) : html(invalidLinkPage(), 404);
}

/** POST: the confirmation form, or a mail client's RFC 8058 one-click unsubscribe. */
export async function action({ params }: ActionFunctionArgs) {
  return (await unsubscribeWithToken(db(), params.token ?? "")) ? html(unsubscribedPage()) : html(invalidLinkPage(), 404);
}
