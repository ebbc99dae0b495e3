import { env } from "~/env.server";
import { NotFoundError, UnauthenticatedError } from "~/errors";
import { isValidTwilioSignature } from "./twilio-signature";

/**
 * Reads a form-encoded request from Twilio and checks its X-Twilio-Signature (over the public URL Twilio called and
 * the sorted form fields). Throws NotFoundError when SMS is not configured (no auth token), UnauthenticatedError for
 * a missing or forged signature.
 */
export async function readSignedTwilioForm(request: Request, authToken: string | undefined, what: string): Promise<Record<string, string>> {
  if (!authToken) throw new NotFoundError("Route", what);
  const raw = await request.text();
  const params = [...new URLSearchParams(raw).entries()];
  // Behind a proxy request.url is the internal address; Twilio signed the public one.
  const requested = new URL(request.url);
  const publicUrl = new URL(requested.pathname + requested.search, env().SHOPIFY_APP_URL).toString();
  if (!isValidTwilioSignature(authToken, request.headers.get("x-twilio-signature"), publicUrl, params)) {
    throw new UnauthenticatedError("invalid X-Twilio-Signature");
  }
  return Object.fromEntries(params);
}
