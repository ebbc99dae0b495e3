import { z } from "zod";
import { env } from "~/env.server";
import { MalformedPayloadError, NotFoundError, UnauthenticatedError } from "~/errors";
import { isValidTwilioSignature } from "./twilio-signature";
import type { InboundSms } from "./inbound.server";

const inboundFormSchema = z.object({ From: z.string().min(1), Body: z.string().default("") });

/**
 * Verifies and parses Twilio's inbound-message webhook (form-encoded, X-Twilio-Signature over the public URL
 * Twilio called and the sorted form fields). Throws NotFoundError when SMS is not configured, UnauthenticatedError
 * for a missing or forged signature, MalformedPayloadError for a body without a sender.
 */
export async function readInboundSms(request: Request, authToken = env().TWILIO_AUTH_TOKEN): Promise<InboundSms> {
  if (!authToken) throw new NotFoundError("Route", "sms inbound");
  const raw = await request.text();
  const params = [...new URLSearchParams(raw).entries()];
  // Behind a proxy request.url is the internal address; Twilio signed the public one.
  const requested = new URL(request.url);
  const publicUrl = new URL(requested.pathname + requested.search, env().SHOPIFY_APP_URL).toString();
  if (!isValidTwilioSignature(authToken, request.headers.get("x-twilio-signature"), publicUrl, params)) {
    throw new UnauthenticatedError("invalid X-Twilio-Signature");
  }
  const form = inboundFormSchema.safeParse(Object.fromEntries(params));
  if (!form.success) throw new MalformedPayloadError("inbound SMS without From");
  return { from: form.data.From, body: form.data.Body };
}
