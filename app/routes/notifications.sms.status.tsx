import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { httpStatusOf, UnauthenticatedError } from "~/errors";
import { applySmsStatusReport } from "~/notifications/sms/status-callback.server";
import { readSmsStatusReport } from "~/notifications/sms/status-request.server";

/** Twilio's StatusCallback for texts we sent: records delivered / undelivered / failed on the message. */
export async function action({ request }: ActionFunctionArgs) {
  let report;
  try {
    report = await readSmsStatusReport(request);
  } catch (error) {
    // Twilio sends no credentials to retry with: a wrong signature is a refusal (403), not a login prompt (401).
    return new Response(null, { status: error instanceof UnauthenticatedError ? 403 : httpStatusOf(error) });
  }
  // A report about a text we do not know, or an old one, is answered like any other: there is nothing to retry.
  await applySmsStatusReport(db(), report);
  return new Response(null, { status: 204 });
}

export const loader = () => new Response(null, { status: 405, headers: { Allow: "POST" } });
