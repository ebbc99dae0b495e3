import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/webhooks/intake.server";

/** Every Shopify webhook subscription in shopify.app.toml points here (/webhooks/<resource>/<action>). */
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request);

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });
