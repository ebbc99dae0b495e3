import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { httpStatusOf } from "~/errors";
import { twiml } from "~/notifications/public-pages";
import { handleInboundSms } from "~/notifications/sms/inbound.server";
import { readInboundSms } from "~/notifications/sms/inbound-request.server";

/** Twilio's inbound-message webhook: STOP / START / HELP from shoppers, answered with TwiML. */
export async function action({ request }: ActionFunctionArgs) {
  let sms;
  try {
    sms = await readInboundSms(request);
  } catch (error) {
    return new Response(null, { status: httpStatusOf(error) });
  }
  const result = await handleInboundSms(db(), sms);
  return new Response(twiml(result.reply), { headers: { "content-type": "text/xml; charset=utf-8" } });
}

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });
