import { z } from "zod";
import { env } from "~/env.server";
import { MalformedPayloadError } from "~/errors";
import { readSignedTwilioForm } from "./signed-form.server";
import type { SmsStatusReport } from "./status-callback.server";

// Twilio's StatusCallback fields (form-encoded); ErrorCode accompanies undelivered and failed.
const statusFormSchema = z.object({
  MessageSid: z.string().min(1).max(64),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(16).optional(),
});

/**
 * Verifies and parses a Twilio message status callback. Throws NotFoundError when SMS is not configured,
 * UnauthenticatedError for a missing or forged signature, MalformedPayloadError without MessageSid/MessageStatus.
 */
export async function readSmsStatusReport(request: Request, now = new Date(), authToken = env().TWILIO_AUTH_TOKEN): Promise<SmsStatusReport> {
  const form = statusFormSchema.safeParse(await readSignedTwilioForm(request, authToken, "sms status"));
  if (!form.success) throw new MalformedPayloadError("status callback without MessageSid or MessageStatus");
  return { providerMessageId: form.data.MessageSid, status: form.data.MessageStatus, errorCode: form.data.ErrorCode || null, at: now };
}
