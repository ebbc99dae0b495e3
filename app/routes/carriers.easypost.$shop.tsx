import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveEasyPostWebhook } from "~/tracking/sources/easypost/receive-webhook.server";

/** EasyPost tracker webhooks for one shop: the merchant points their EasyPost webhook at /carriers/easypost/<shop>. */
export const action = ({ request, params }: ActionFunctionArgs) => receiveEasyPostWebhook(request, params.shop);

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });
