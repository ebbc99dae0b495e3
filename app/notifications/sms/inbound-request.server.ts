import { z } from "zod";
import { env } from "~/env.server";
import { MalformedPayloadError } from "~/errors";
import type { InboundSms } from "./inbound.server";
import { readSignedTwilioForm } from "./signed-form.server";

const inboundFormSchema = z.object({ From: z.string().min(1), Body: z.string().default("") });

/**
 * Verifies and parses Twilio's inbound-message webhook. Throws NotFoundError when SMS is not configured,
 * UnauthenticatedError for a missing or forged signature, MalformedPayloadError for a body without a sender.
 */
export async function readInboundSms(request: Request, authToken = env().TWILIO_AUTH_TOKEN): Promise<InboundSms> {
  const form = inboundFormSchema.safeParse(await readSignedTwilioForm(request, authToken, "sms inbound"));
  if (!form.success) throw new MalformedPayloadError("inbound SMS without From");
  return { from: form.data.From, body: form.data.Body };
}
